import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Unknown, getPath, type Resource } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { loadModel } from '../../scan/scan.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { terraformPlanSource } from './index.js';
import { parsePlanJson, providerOfType } from './plan-json.js';
import { lineAndColumn } from '../shared/json-error.js';

const dir = join(import.meta.dirname, 'testdata');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const byId = (rs: Resource[]) => new Map(rs.map((r) => [r.id, r]));
const refs = (r: Resource | undefined) => (r?.references ?? []).map((x) => `${x.attribute} -> ${x.target}${x.targetAttribute ? `.${x.targetAttribute}` : ''}`).sort();

function fakeFile(path: string, head: string): DiscoveredFile {
  return { path, displayPath: path, size: head.length, head };
}

describe('terraform-plan source: plan', () => {
  const resources = parsePlanJson(read('plan-modules.json'), 'plan-modules.json');
  const r = byId(resources);

  it('produces one resource per planned resource, nested modules included, plus data sources from prior_state', () => {
    expect(resources.map((x) => x.id)).toEqual([
      'aws_security_group.web',
      'aws_instance.web[0]',
      'aws_instance.web[1]',
      'aws_db_instance.main',
      'google_compute_firewall.allow["ssh"]',
      'module.net.aws_vpc.main',
      'module.net.aws_subnet.public',
      'module.net.module.flow[0].azurerm_network_watcher_flow_log.this',
      'data.aws_iam_policy_document.admin',
    ]);
    expect(resources.every((x) => x.source === 'terraform-plan')).toBe(true);
  });

  it('locates each resource at the line of its "address" key in planned_values', () => {
    const lines = Object.fromEntries(resources.map((x) => [x.id, x.location.startLine]));
    expect(lines).toEqual({
      'aws_security_group.web': 21,
      'aws_instance.web[0]': 62,
      'aws_instance.web[1]': 83,
      'aws_db_instance.main': 104,
      'google_compute_firewall.allow["ssh"]': 120,
      'module.net.aws_vpc.main': 149,
      'module.net.aws_subnet.public': 162,
      'module.net.module.flow[0].azurerm_network_watcher_flow_log.this': 180,
      // only in prior_state
      'data.aws_iam_policy_document.admin': 335,
    });
    expect(r.get('aws_instance.web[0]')?.location.file).toBe('plan-modules.json');
  });

  it('sets type, name, provider and meta from the plan', () => {
    const inst = r.get('aws_instance.web[1]');
    expect(inst?.type).toBe('aws_instance');
    expect(inst?.name).toBe('web');
    expect(inst?.provider).toBe('aws');
    expect(inst?.meta).toMatchObject({ index: 1, module: null, mode: 'managed', actions: ['create'], kind: 'plan' });
    expect(r.get('google_compute_firewall.allow["ssh"]')?.provider).toBe('gcp');
    expect(r.get('google_compute_firewall.allow["ssh"]')?.meta?.index).toBe('ssh');
    expect(r.get('module.net.module.flow[0].azurerm_network_watcher_flow_log.this')?.provider).toBe('azure');
    expect(r.get('module.net.module.flow[0].azurerm_network_watcher_flow_log.this')?.meta?.module).toBe('module.net.module.flow[0]');
    expect(r.get('aws_db_instance.main')?.meta?.actions).toEqual(['update']);
    const data = r.get('data.aws_iam_policy_document.admin');
    expect(data?.type).toBe('data.aws_iam_policy_document');
    expect(data?.meta?.mode).toBe('data');
  });

  it('keeps values as attributes, with nested blocks as arrays of objects', () => {
    const sg = r.get('aws_security_group.web');
    expect(getPath(sg?.attributes, 'ingress[0].cidr_blocks')).toEqual(['0.0.0.0/0']);
    expect(getPath(sg?.attributes, 'ingress[0].from_port')).toBe(22);
    expect(getPath(r.get('aws_instance.web[0]')?.attributes, 'ebs_block_device[0].encrypted')).toBe(false);
  });

  it('marks after_unknown attributes as Unknown("known after apply") with the address in the expression', () => {
    const sg = r.get('aws_security_group.web');
    const arn = sg?.attributes.arn;
    expect(arn).toBeInstanceOf(Unknown);
    expect((arn as Unknown).reason).toBe('known after apply');
    expect((arn as Unknown).expression).toBe('aws_security_group.web.arn');
    expect(sg?.attributes.tags_all).toBeInstanceOf(Unknown);
    // false entries and empty containers in after_unknown leave known values alone
    expect(getPath(sg?.attributes, 'ingress[0].cidr_blocks[0]')).toBe('0.0.0.0/0');
    expect(sg?.attributes.tags).toEqual({ Name: 'web' });
    const inst = r.get('aws_instance.web[0]');
    const vol = getPath(inst?.attributes, 'ebs_block_device[0].volume_id');
    expect(vol).toBeInstanceOf(Unknown);
    expect((vol as Unknown).expression).toBe('aws_instance.web[0].ebs_block_device[0].volume_id');
    expect(getPath(inst?.attributes, 'ebs_block_device[0].device_name')).toBe('/dev/sdb');
    expect(inst?.attributes.public_ip).toBeInstanceOf(Unknown);
    expect(r.get('aws_instance.web[1]')?.attributes.public_ip).toBeUndefined();
    expect(r.get('module.net.aws_vpc.main')?.attributes.id).toBeInstanceOf(Unknown);
  });

  it('keeps sensitive values as they are (checks mask them)', () => {
    expect(r.get('aws_db_instance.main')?.attributes.password).toBe('hunter2-not-real');
  });

  it('derives references from configuration, following module outputs and variables', () => {
    expect(refs(r.get('aws_instance.web[0]'))).toEqual([
      'iam_instance_profile -> data.aws_iam_policy_document.admin.json',
      'subnet_id -> module.net.aws_subnet.public.id',
      'vpc_security_group_ids -> aws_security_group.web.id',
    ]);
    // count instances share the configuration but get their own reference objects
    expect(refs(r.get('aws_instance.web[1]'))).toEqual(refs(r.get('aws_instance.web[0]')));
    expect(r.get('aws_instance.web[1]')?.references[0]).not.toBe(r.get('aws_instance.web[0]')?.references[0]);
    expect(refs(r.get('aws_security_group.web'))).toEqual(['vpc_id -> module.net.aws_vpc.main.id']);
    expect(refs(r.get('module.net.aws_subnet.public'))).toEqual(['vpc_id -> module.net.aws_vpc.main.id']);
    // var.target -> var.flow_log_target (module.net) -> aws_security_group.web.arn (root)
    expect(refs(r.get('module.net.module.flow[0].azurerm_network_watcher_flow_log.this'))).toEqual(['network_security_group_id -> aws_security_group.web.arn']);
    // a root variable has no resource behind it; depends_on becomes a reference
    expect(refs(r.get('aws_db_instance.main'))).toEqual(['depends_on -> aws_security_group.web']);
    expect(refs(r.get('module.net.aws_vpc.main'))).toEqual([]);
  });

  it('points a reference with an instance key at that instance, and one without at every instance', () => {
    const res = (address: string, type: string, name: string, index?: number | string) => ({ address, mode: 'managed', type, name, ...(index === undefined ? {} : { index }), values: {} });
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [res('aws_instance.web[0]', 'aws_instance', 'web', 0), res('aws_instance.web[1]', 'aws_instance', 'web', 1), res('aws_eip.one', 'aws_eip', 'one'), res('aws_lb_target_group.all', 'aws_lb_target_group', 'all')],
          child_modules: [
            { address: 'module.svc["a.b"]', resources: [res('module.svc["a.b"].aws_sqs_queue.q', 'aws_sqs_queue', 'q')] },
            { address: 'module.svc["c"]', resources: [res('module.svc["c"].aws_sqs_queue.q', 'aws_sqs_queue', 'q')] },
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_eip.one', mode: 'managed', type: 'aws_eip', name: 'one', expressions: { instance: { references: ['aws_instance.web[1].id', 'aws_instance.web[1]', 'aws_instance.web'] } } },
            { address: 'aws_lb_target_group.all', mode: 'managed', type: 'aws_lb_target_group', name: 'all', expressions: { targets: { references: ['aws_instance.web', 'module.svc["c"].queue', 'module.svc'] } } },
          ],
          module_calls: { svc: { module: { outputs: { queue: { expression: { references: ['aws_sqs_queue.q.arn', 'aws_sqs_queue.q'] } } } } } },
        },
      },
    };
    const got = byId(parsePlanJson(JSON.stringify(plan, null, 1), 'p.json'));
    expect(refs(got.get('aws_eip.one'))).toEqual(['instance -> aws_instance.web[1].id']);
    expect(refs(got.get('aws_lb_target_group.all'))).toEqual(['targets -> aws_instance.web[0]', 'targets -> aws_instance.web[1]', 'targets -> module.svc["c"].aws_sqs_queue.q.arn']);
    expect(got.get('module.svc["a.b"].aws_sqs_queue.q')?.meta?.module).toBe('module.svc["a.b"]');
  });

  it('reads a minified plan the same way, every resource on line 1', () => {
    const min = parsePlanJson(read('plan-minified.json'), 'plan-minified.json');
    expect(min.map((x) => x.id)).toEqual(resources.map((x) => x.id));
    expect(min.every((x) => x.location.startLine === 1)).toBe(true);
    expect(refs(byId(min).get('aws_instance.web[0]'))).toEqual(refs(r.get('aws_instance.web[0]')));
  });
});

describe('terraform-plan source: state', () => {
  const resources = parsePlanJson(read('state.json'), 'state.json');
  const r = byId(resources);

  it('reads values.root_module and child modules', () => {
    expect(resources.map((x) => `${x.id}:${x.location.startLine}`)).toEqual([
      'aws_security_group.db:14',
      // line of the resource address, not of its "address" attribute (line 42)
      'google_compute_address.ip:36',
      'module.db.aws_db_instance.this:53',
    ]);
    expect(r.get('google_compute_address.ip')?.attributes.address).toBe('203.0.113.10');
    expect(r.get('module.db.aws_db_instance.this')?.meta).toMatchObject({ kind: 'state', module: 'module.db' });
  });

  it('turns depends_on into references', () => {
    expect(refs(r.get('module.db.aws_db_instance.this'))).toEqual(['depends_on -> aws_security_group.db']);
  });
});

describe('terraform-plan source: claims', () => {
  it('claims plan and state JSON, nothing else', () => {
    expect(terraformPlanSource.claims(fakeFile('p.json', read('plan-modules.json').slice(0, 8192)))).toBe(true);
    expect(terraformPlanSource.claims(fakeFile('p.json', read('plan-minified.json').slice(0, 8192)))).toBe(true);
    expect(terraformPlanSource.claims(fakeFile('s.json', read('state.json').slice(0, 8192)))).toBe(true);
    expect(terraformPlanSource.claims(fakeFile('s.yaml', read('state.json').slice(0, 8192)))).toBe(false);
    expect(terraformPlanSource.claims(fakeFile('package.json', '{"name": "x", "version": "1.0.0"}'))).toBe(false);
    expect(terraformPlanSource.claims(fakeFile('pod.json', '{"apiVersion": "v1", "kind": "Pod"}'))).toBe(false);
    expect(terraformPlanSource.claims(fakeFile('other.json', '{"format_version": "1"}'))).toBe(false);
    const sorted = JSON.stringify(JSON.parse(read('plan-modules.json'), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v)), null, 2);
    expect(terraformPlanSource.claims(fakeFile('sorted.json', sorted.slice(0, 8192)))).toBe(true);
    // sorted, configuration comes first and also holds "address": "aws_security_group.web"; the line must be the planned_values one
    const lines = sorted.split('\n');
    const pv = lines.findIndex((l) => l.includes('"planned_values"'));
    const inConfig = lines.findIndex((l) => l.includes('"address": "aws_security_group.web"'));
    const inPlanned = lines.findIndex((l, i) => i > pv && l.includes('"address": "aws_security_group.web"'));
    expect(inConfig).toBeLessThan(pv);
    expect(parsePlanJson(sorted, 'sorted.json').find((r) => r.id === 'aws_security_group.web')?.location.startLine).toBe(inPlanned + 1);
  });

  it('maps type prefixes to providers', () => {
    expect(['aws_s3_bucket', 'azurerm_storage_account', 'azuread_user', 'google_sql_database_instance', 'kubernetes_pod', 'data.aws_ami', 'random'].map(providerOfType)).toEqual([
      'aws',
      'azure',
      'azure',
      'gcp',
      'kubernetes',
      'aws',
      'random',
    ]);
  });
});

describe('terraform-plan source: malformed input', () => {
  it('reports a syntax error with file and line, and the scan goes on with other files', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tetrad-plan-'));
    for (const f of ['malformed-plan.json', 'truncated-state.json', 'state.json']) cpSync(join(dir, f), join(tmp, f));
    const res = await loadModel([tmp], { cwd: tmp });
    const errors = res.errors.filter((e) => e.source === 'terraform-plan').sort((a, b) => a.file.localeCompare(b.file));
    expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual(['malformed-plan.json:8', 'truncated-state.json:7']);
    expect(errors[0]?.kind).toBe('parse');
    expect(errors[0]?.message).toMatch(/^invalid JSON: /);
    expect(errors[0]?.column).toBe(9);
    expect(res.resources.map((x) => x.id).sort()).toEqual(['aws_security_group.db', 'google_compute_address.ip', 'module.db.aws_db_instance.this']);
  });

  it('never crashes on corrupted plans: resources or a ParseError at a line inside the file', () => {
    const text = read('plan-modules.json');
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom('', ',', '}', '"', '[', 'null', '{"address": 1}'), (a, b, insert) => {
        const at = a % text.length;
        const broken = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + (b % 30)));
        const lines = broken.split('\n').length;
        try {
          for (const r of parsePlanJson(broken, 'p.json')) expect(r.location.startLine).toBeLessThanOrEqual(lines);
        } catch (err) {
          expect(err).toBeInstanceOf(ParseError);
          expect((err as ParseError).line).toBeGreaterThanOrEqual(1);
          expect((err as ParseError).line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tolerates valid JSON of the wrong shape without crashing', () => {
    const odd = JSON.stringify({
      format_version: '1.2',
      planned_values: { root_module: { resources: [null, 3, { address: 'aws_vpc.a' }, { address: 'aws_vpc.b', type: 'aws_vpc', values: 'x' }], child_modules: [null, { resources: { a: 1 } }] } },
      resource_changes: 'not a list',
      configuration: { root_module: { resources: [null, { address: 'aws_vpc.b', expressions: { cidr_block: { references: [1, 'var.x'] } }, depends_on: 'x' }], module_calls: { m: null } } },
    });
    const out = parsePlanJson(odd, 'odd.json');
    expect(out.map((x) => `${x.id} ${JSON.stringify(x.attributes)} ${x.references.length}`)).toEqual(['aws_vpc.b {} 0']);
  });

  it('rejects a format_version with another major version', () => {
    expect(() => parsePlanJson('{"format_version": "2.0", "values": {}}', 'v2.json')).toThrow(/v2\.json:1: unsupported Terraform JSON format_version 2\.0/);
    expect(parsePlanJson('{"format_version": "1.9", "values": {"root_module": {}}}', 'v1.json')).toEqual([]);
  });

  it('rejects a document whose top level is not an object', () => {
    expect(() => parsePlanJson('[1, 2]', 'x.json')).toThrow(/x\.json:1: not a Terraform plan or state/);
  });

  it('converts offsets to lines and columns', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 99)).toEqual({ line: 3, column: 3 });
  });
});
