import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Unknown, isUnknown, locate, type Resource } from '../../model/index.js';
import { discoverFiles } from '../../scan/discover.js';
import { loadModel } from '../../scan/scan.js';
import type { SourceOptions } from '../types.js';
import { initHclParser } from './hcl-parser.js';
import { terraformSource } from './index.js';

const TESTDATA = resolve(import.meta.dirname, 'testdata');

async function load(dir: string, opts: Partial<SourceOptions> = {}) {
  const abs = join(TESTDATA, dir);
  const { files } = discoverFiles([abs], { cwd: abs });
  const out = await terraformSource.load(
    files.filter((f) => terraformSource.claims(f)),
    { vars: {}, varFiles: [], cwd: abs, ...opts },
  );
  const byId = new Map(out.resources.map((r) => [r.id, r]));
  const get = (id: string): Resource => {
    const r = byId.get(id);
    if (!r) throw new Error(`no resource ${id}; have ${[...byId.keys()].join(', ')}`);
    return r;
  };
  return { ...out, get, ids: [...byId.keys()].sort() };
}

function line(r: Resource, path: string): number {
  return locate(r, path).startLine;
}

beforeAll(async () => {
  await initHclParser();
});

describe('terraform source: literals and blocks', () => {
  it('reads resources, data sources and providers with ids, types and providers', async () => {
    const { ids, get, errors } = await load('literals');
    expect(errors).toEqual([]);
    expect(ids).toEqual(
      [
        'aws_security_group.web',
        'azurerm_network_security_group.nsg',
        'data.aws_ami.ubuntu',
        'google_compute_firewall.fw',
        'kubernetes_pod.p',
        'provider.aws',
        'provider.aws.west',
        'random_password.pw',
      ].sort(),
    );
    const sg = get('aws_security_group.web');
    expect(sg).toMatchObject({ type: 'aws_security_group', name: 'web', provider: 'aws', source: 'terraform' });
    expect(sg.location).toEqual({ file: 'main.tf', startLine: 2, endLine: 36 });
    expect(get('azurerm_network_security_group.nsg').provider).toBe('azure');
    expect(get('google_compute_firewall.fw').provider).toBe('gcp');
    expect(get('kubernetes_pod.p').provider).toBe('kubernetes');
    expect(get('random_password.pw').provider).toBe('random');
    expect(get('data.aws_ami.ubuntu')).toMatchObject({ type: 'data.aws_ami', name: 'ubuntu', provider: 'aws' });
    expect(get('provider.aws.west')).toMatchObject({ type: 'provider.aws', provider: 'aws' });
    expect(get('provider.aws.west').attributes.region).toBe('us-west-2');
  });

  it('keeps literal types, nested blocks as arrays of objects, heredocs and escapes', async () => {
    const { get } = await load('literals');
    const a = get('aws_security_group.web').attributes;
    expect(a).toMatchObject({ name: 'web', port_count: 2, ratio: 1.5, enabled: true, nothing: null, cidrs: ['10.0.0.0/8', '0.0.0.0/0'], tags: { Name: 'web', env: 'prod' } });
    expect(a.user_data).toBe('#!/bin/sh\necho "hi"\n');
    expect(a.raw).toBe('keep\n  indent\n');
    expect(a.escaped).toBe('a"b\\c\n${literal}');
    expect(a.ingress).toEqual([
      { from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] },
      { from_port: 443, to_port: 443 },
    ]);
    expect(get('kubernetes_pod.p').attributes.metadata).toEqual([{ name: 'p' }]);
  });

  it('locates every attribute, nested block and literal element', async () => {
    const { get } = await load('literals');
    const sg = get('aws_security_group.web');
    expect(line(sg, 'name')).toBe(3);
    expect(line(sg, 'cidrs')).toBe(9);
    expect(line(sg, 'cidrs[1]')).toBe(11);
    expect(line(sg, 'tags.env')).toBe(15);
    expect(line(sg, 'ingress[0]')).toBe(27);
    expect(line(sg, 'ingress[0].cidr_blocks')).toBe(30);
    expect(line(sg, 'ingress[1].to_port')).toBe(34);
    expect(locate(sg, 'ingress[1]')).toEqual({ file: 'main.tf', startLine: 32, endLine: 35 });
    // unknown deeper paths fall back to the deepest known location
    expect(line(sg, 'ingress[1].nope.deeper')).toBe(32);
  });
});

describe('terraform source: malformed files', () => {
  it('reports the broken file with its line and still loads the good one', async () => {
    const { ids, errors } = await load('broken');
    expect(ids).toContain('aws_s3_bucket.logs');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'parse', file: 'bad.tf', line: 6, source: 'terraform' });
    expect(errors[0]!.message).toMatch(/HCL syntax error/);
  });

  it('reports a malformed .tf.json file with its line', async () => {
    const { errors, resources } = await load('json-broken');
    expect(resources).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'parse', file: 'main.tf.json', source: 'terraform' });
    expect(errors[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('survives assorted garbage without throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-tf-'));
    const cases = ['resource "a" {', '}}}', 'x = [1, 2', 'resource "a" "b" { x = "unterminated }', '"just a string"', 'a = 1 +', 'locals { a = ${ }', '\u0000\u0001'];
    cases.forEach((c, i) => writeFileSync(join(dir, `c${i}.tf`), c));
    writeFileSync(join(dir, 'ok.tf'), 'resource "aws_s3_bucket" "fine" {\n  bucket = "fine"\n}\n');
    const { files } = discoverFiles([dir], { cwd: dir });
    const out = await terraformSource.load(files.filter((f) => terraformSource.claims(f)), { vars: {}, varFiles: [], cwd: dir });
    expect(out.resources.map((r) => r.id)).toEqual(['aws_s3_bucket.fine']);
    for (const e of out.errors) {
      expect(e.kind).toBe('parse');
      expect(e.line).toBeGreaterThanOrEqual(1);
    }
    // the NUL file is skipped as binary by discovery; every other broken case is reported
    expect(out.errors.length).toBe(cases.length - 1);
  });
});

describe('terraform source: odd inputs', () => {
  async function loadTmp(files: Record<string, string>, opts: Partial<SourceOptions> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-tf-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const { files: found } = discoverFiles([dir], { cwd: dir });
    return terraformSource.load(found.filter((f) => terraformSource.claims(f)), { vars: {}, varFiles: [], cwd: dir, ...opts });
  }

  it('reads files with a byte-order mark and CRLF line ends', async () => {
    const out = await loadTmp({ 'main.tf': '\uFEFFresource "aws_s3_bucket" "b" {\r\n  bucket = "x"\r\n}\r\n' });
    expect(out.errors).toEqual([]);
    expect(out.resources[0]).toMatchObject({ id: 'aws_s3_bucket.b', attributes: { bucket: 'x' }, location: { startLine: 1, endLine: 3 } });
  });

  it('reports a malformed tfvars file and a missing --var-file, and still loads the module', async () => {
    const out = await loadTmp(
      { 'main.tf': 'variable "x" {\n  default = "d"\n}\nresource "null_resource" "n" {\n  v = var.x\n}\n', 'terraform.tfvars': 'x = "ok"\ny = [\n' },
      { varFiles: ['nope.tfvars'] },
    );
    expect(out.resources.map((r) => [r.id, r.attributes.v])).toEqual([['null_resource.n', 'd']]);
    expect(out.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'parse', file: 'terraform.tfvars', line: 2 }),
        expect.objectContaining({ kind: 'io', file: 'nope.tfvars' }),
      ]),
    );
  });

  it('stops a module that calls itself and reports duplicate resources', async () => {
    const out = await loadTmp({
      'main.tf': 'module "me" {\n  source = "./"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "one"\n}\n',
      'other.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "two"\n}\n',
    });
    expect(out.resources.map((r) => [r.id, r.attributes.bucket])).toEqual([['aws_s3_bucket.b', 'one']]);
    expect(out.errors).toEqual([expect.objectContaining({ kind: 'parse', file: 'other.tf', line: 1 })]);
    expect(out.errors[0]!.message).toMatch(/duplicate resource aws_s3_bucket.b/);
  });

  it('reports a broken template inside a .tf.json string at its line', async () => {
    const out = await loadTmp({ 'main.tf.json': '{\n  "resource": { "aws_s3_bucket": { "b": {\n    "bucket": "${var.x"\n  } } }\n}\n' });
    expect(out.resources).toEqual([]);
    expect(out.errors).toEqual([expect.objectContaining({ kind: 'parse', file: 'main.tf.json', line: 3 })]);
  });

  it('reads an empty file and a comment-only file as no resources', async () => {
    const out = await loadTmp({ 'empty.tf': '', 'comments.tf': '# nothing\n/* here */\n' });
    expect(out).toEqual({ resources: [], errors: [] });
  });
});

describe('terraform source: variables', () => {
  it('applies default < terraform.tfvars < *.auto.tfvars < --var-file < --var', async () => {
    const abs = join(TESTDATA, 'vars');
    const { get, errors } = await load('vars', { varFiles: [join(abs, 'extra.tfvars.json')], vars: { from_cli: 'cli', ports: '[22, 3389]', port: '8080', name: '007' } });
    expect(errors).toEqual([]);
    const t = get('null_resource.v').attributes.triggers as Record<string, unknown>;
    expect(t).toMatchObject({ from_default: 'default', from_tfvars: 'tfvars', from_auto: 'auto', from_file: 'file', from_cli: 'cli', ports: '[22,3389]', port: 8080, name: '007' });
  });

  it('converts values to the declared type and fills optional() attributes', async () => {
    const { get } = await load('types');
    expect(get('null_resource.t').attributes).toEqual({
      size: 2,
      tags: null,
      rules: [
        { port: 22, open: false },
        { port: 443, open: true },
      ],
      n: 4,
    });
  });

  it('keeps a variable without a value unknown, never a guess', async () => {
    const { get } = await load('vars');
    const a = get('null_resource.v').attributes;
    expect(a.unset).toBeInstanceOf(Unknown);
    expect((a.unset as Unknown).reason).toBe('variable without a value');
    expect((a.unset as Unknown).expression).toBe('var.unset');
    expect(isUnknown(a.unset_in_template)).toBe(true);
    expect(isUnknown((a.triggers as Record<string, unknown>).port)).toBe(true);
  });
});

describe('terraform source: expressions, locals and references', () => {
  it('evaluates locals, operators, conditionals, for expressions and splats', async () => {
    const { get } = await load('refs');
    const a = get('aws_instance.app').attributes;
    expect(a).toMatchObject({ env: 'PROD', big: 7, logic: true, list: ['A'], map: { x: 10, y: 20 }, splat: [1, 2], idx: 'q', security_group_name: 'prod-web' });
    expect(get('aws_security_group.web').attributes.name).toBe('prod-web');
  });

  it('turns a local cycle into an unknown', async () => {
    const { get } = await load('refs');
    const c = get('aws_instance.app').attributes.cyclic;
    expect(isUnknown(c)).toBe(true);
  });

  it('records references, also through locals, with computed attributes unknown', async () => {
    const { get } = await load('refs');
    const app = get('aws_instance.app');
    expect(app.references).toEqual(
      expect.arrayContaining([
        { attribute: 'vpc_security_group_ids', target: 'aws_security_group.web', targetAttribute: 'id' },
        { attribute: 'security_group_name', target: 'aws_security_group.web', targetAttribute: 'name' },
        { attribute: 'via_local', target: 'aws_security_group.web', targetAttribute: 'id' },
      ]),
    );
    const ids = app.attributes.vpc_security_group_ids as unknown[];
    expect(ids[0]).toBeInstanceOf(Unknown);
    expect((ids[0] as Unknown).expression).toBe('aws_security_group.web.id');
  });

  it('renders jsonencode policies and aws_iam_policy_document json', async () => {
    const { get } = await load('refs');
    const policy = JSON.parse(get('aws_instance.app').attributes.policy as string);
    expect(policy.Statement[0]).toEqual({ Effect: 'Allow', Action: 's3:*', Resource: '${aws_security_group.web.arn}' });
    const doc = get('aws_iam_policy.admin');
    expect(doc.references).toEqual([
      { attribute: 'policy', target: 'data.aws_iam_policy_document.admin', targetAttribute: 'json' },
      { attribute: 'depends_on', target: 'aws_security_group.web' },
    ]);
    expect(JSON.parse(doc.attributes.policy as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' },
        {
          Effect: 'Deny',
          Action: ['s3:DeleteBucket', 's3:PutBucketPolicy'],
          Resource: 'arn:aws:s3:::b',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
  });
});

describe('terraform source: policy documents', () => {
  it('merges source documents, replaces statements by Sid and groups conditions', async () => {
    const { get } = await load('refs');
    const doc = JSON.parse(get('data.aws_iam_policy_document.merged').attributes.json as string);
    expect(doc.Statement).toHaveLength(2);
    expect(doc.Statement[0]).toEqual({
      Sid: 'All',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } },
    });
    expect(doc.Statement[1].Effect).toBe('Deny');
  });
});

describe('terraform source: count and for_each', () => {
  it('expands known count and for_each with count.index, each.key and each.value', async () => {
    const { get, ids } = await load('expand');
    expect(ids).toEqual(
      expect.arrayContaining(['aws_instance.web[0]', 'aws_instance.web[1]', 'aws_s3_bucket.b["a"]', 'aws_s3_bucket.b["b"]', 'aws_s3_bucket.s["x"]', 'aws_s3_bucket.s["y"]']),
    );
    expect(get('aws_instance.web[1]').attributes.tags).toEqual({ Name: 'web-1' });
    expect(get('aws_s3_bucket.b["b"]').attributes.bucket).toBe('b-beta');
    expect(get('aws_s3_bucket.s["y"]').attributes.bucket).toBe('y');
    expect(get('aws_instance.web[1]').location.startLine).toBe(9);
  });

  it('keeps one resource with meta.expansion = unknown when count is unknown', async () => {
    const { get, ids } = await load('expand');
    expect(ids.filter((i) => i.startsWith('aws_instance.unknown_count'))).toEqual(['aws_instance.unknown_count']);
    const r = get('aws_instance.unknown_count');
    expect(r.meta?.expansion).toBe('unknown');
    expect(isUnknown(r.attributes.name)).toBe(true);
  });

  it('follows references into expanded instances', async () => {
    const { get } = await load('expand');
    const ip = get('aws_eip.ip');
    expect(ip.attributes).toMatchObject({ first: 'web-0', all: ['web-0', 'web-1'], bucket: 'a-alpha' });
    expect(ip.references).toEqual(
      expect.arrayContaining([
        { attribute: 'instance', target: 'aws_instance.web[1]', targetAttribute: 'id' },
        { attribute: 'bucket', target: 'aws_s3_bucket.b["a"]', targetAttribute: 'bucket' },
      ]),
    );
  });
});

describe('terraform source: modules', () => {
  it('instantiates local modules with inputs, outputs, for_each, and skips remote ones', async () => {
    const { get, ids, errors } = await load('modules');
    expect(errors).toEqual([]);
    expect(ids).toEqual(['aws_instance.app', 'aws_security_group.sg', 'module.many["a"].aws_vpc.this', 'module.many["b"].aws_vpc.this', 'module.net.aws_instance.boot[0]', 'module.net.aws_vpc.this']);
    // path.module is relative to the root module; file() resolves against the root, as in Terraform
    const boot = get('module.net.aws_instance.boot[0]');
    expect(boot.attributes).toMatchObject({ user_data: '#!/bin/sh\necho boot\n', where: '../net' });
    expect(boot.location).toMatchObject({ file: 'net/main.tf', startLine: 24 });
    // a module argument's references follow the variable into the module
    expect(boot.references).toEqual([{ attribute: 'sgs', target: 'aws_security_group.sg', targetAttribute: 'id' }]);
    const vpc = get('module.net.aws_vpc.this');
    expect(vpc.attributes).toEqual({ cidr_block: '10.1.0.0/16', tags: { Name: 'main' } });
    expect(vpc.location.file).toBe('net/main.tf');
    expect(vpc.meta?.module).toBe('module.net');
    expect(get('module.many["b"].aws_vpc.this').attributes.tags).toEqual({ Name: 'b' });
    const app = get('aws_instance.app').attributes;
    expect(app.subnet_cidr).toBe('10.1.1.0/24');
    expect(app.many_a).toBe('10.2.1.0/24');
    expect(isUnknown(app.vpc)).toBe(true);
    expect(isUnknown(app.remote)).toBe(true);
    // module outputs lead to the resources behind them
    expect(get('aws_instance.app').references).toEqual(
      expect.arrayContaining([
        { attribute: 'vpc', target: 'module.net.aws_vpc.this', targetAttribute: 'id' },
      ]),
    );
  });

  it('keeps ids unique when several roots call the same module', async () => {
    const { get, ids } = await load('multiroot');
    expect(ids).toEqual([
      'module.app.aws_instance.app[0]',
      'module.app.aws_instance.app[0]@envs/prod',
      'module.app.aws_security_group.app',
      'module.app.aws_security_group.app@envs/prod',
    ]);
    expect(get('module.app.aws_security_group.app@envs/prod').attributes.name).toBe('app-prod');
    expect(get('module.app.aws_instance.app[0]@envs/prod').references).toEqual([
      { attribute: 'vpc_security_group_ids', target: 'module.app.aws_security_group.app@envs/prod', targetAttribute: 'id' },
    ]);
    expect(get('module.app.aws_instance.app[0]').references[0]!.target).toBe('module.app.aws_security_group.app');
  });

  it('reads a module folder outside the scanned paths when a root calls it', async () => {
    const { ids } = await load('modules/root');
    expect(ids).toContain('module.net.aws_vpc.this');
  });
});

describe('terraform source: unknowns', () => {
  it('keeps unresolvable values unknown', async () => {
    const { get } = await load('unknown');
    const a = get('aws_security_group_rule.r').attributes;
    expect(isUnknown((a.cidr_blocks as unknown[])[0])).toBe(true);
    expect(isUnknown(a.from_data)).toBe(true);
    expect(isUnknown(a.func)).toBe(true);
    expect(isUnknown(a.cond)).toBe(true);
    expect(a.dyn_free).toBe(2);
    expect(isUnknown(get('aws_security_group.dyn').attributes.ingress)).toBe(true);
  });
});

describe('terraform source: JSON syntax', () => {
  it('reads .tf.json with templates, nested blocks and line numbers', async () => {
    const { get, errors } = await load('json');
    expect(errors).toEqual([]);
    const sg = get('aws_security_group.web');
    expect(sg.attributes).toEqual({
      name: 'web-prod',
      tags: { Env: 'prod' },
      ingress: [
        { from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] },
        { from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] },
      ],
    });
    expect(sg.location.startLine).toBe(15);
    expect(line(sg, 'ingress[1]')).toBe(20);
    expect(line(sg, 'name')).toBe(16);
    expect(get('provider.aws').attributes.region).toBe('eu-west-1');
    // locals are templates in JSON too; "${x}" alone keeps x's type; count applies
    expect(get('aws_s3_bucket.logs[0]').attributes).toEqual({ bucket: 'prod-logs', ports: [22, 80] });
  });
});

describe('terraform source: in the scan pipeline', () => {
  it('is registered and claims .tf, .tf.json and .tfvars files', async () => {
    const { resources } = await loadModel([join(TESTDATA, 'literals')], { cwd: join(TESTDATA, 'literals') });
    expect(resources.some((r) => r.id === 'aws_security_group.web' && r.source === 'terraform')).toBe(true);
    const claims = (p: string) => terraformSource.claims({ path: p, displayPath: p, size: 1, head: '' });
    expect(claims('main.tf')).toBe(true);
    expect(claims('main.tf.json')).toBe(true);
    expect(claims('x.auto.tfvars')).toBe(true);
    expect(claims('plan.json')).toBe(false);
  });
});
