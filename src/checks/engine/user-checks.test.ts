import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../scan/scan.js';
import { loadBuiltinChecks } from './builtin.js';
import { loadUserChecks, userCheckFiles } from './user-checks.js';
import { CheckLoadError } from './validate.js';

const EXAMPLE = 'examples/custom-checks';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tetrad-checks-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const meta = (id: string) => ({
  id,
  title: 'Workload without a namespace',
  pillar: 'privileges',
  severity: 'low',
  description: 'Objects without a namespace land in default, shared by everyone.',
  remediation: 'Set metadata.namespace.',
  sources: ['kubernetes'],
});

const jsCheck = (id: string) => `export default {
  meta: ${JSON.stringify(meta(id))},
  run(ctx) {
    return ctx.fromSource('kubernetes').filter((r) => r.meta.namespace === null).map((r) => ({ resource: r, attributePath: 'metadata', message: 'no namespace' }));
  },
};
`;

const YAML_CHECK = (id: string) => `id: ${id}
title: Service of type NodePort
pillar: ports
severity: medium
description: A NodePort Service opens a port on every node of the cluster.
remediation: Use ClusterIP behind an ingress.
sources: [kubernetes]
resourceTypes: [Service]
condition:
  attribute: spec.type
  equals: NodePort
`;

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: loose\nspec:\n  containers:\n    - name: a\n      image: nginx\n';

async function loadError(dirs: string[]): Promise<string> {
  const builtin = (await loadBuiltinChecks()).map((c) => c.meta.id);
  try {
    await loadUserChecks(dirs, builtin);
  } catch (err) {
    expect(err).toBeInstanceOf(CheckLoadError);
    return (err as Error).message;
  }
  throw new Error('expected a CheckLoadError');
}

describe('user-defined checks', () => {
  it('loads the TypeScript and YAML examples and finds what they describe', async () => {
    const checks = await loadUserChecks([`${EXAMPLE}/checks`]);
    expect(checks.map((c) => c.meta.id)).toEqual(['ACME-IMG-001', 'ACME-K8S-001']);
    const res = await scan([`${EXAMPLE}/estate`], { checks: [], extraChecks: checks, cwd: process.cwd() });
    expect(res.errors).toEqual([]);
    expect(res.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine} ${f.resource.id} ${f.verdict}`)).toEqual([
      `ACME-IMG-001 ${EXAMPLE}/estate/Dockerfile:2 Dockerfile:${EXAMPLE}/estate/Dockerfile fail`,
      `ACME-K8S-001 ${EXAMPLE}/estate/services.yaml:7 Service/shop/api fail`,
    ]);
  });

  it('loads .js and .mjs modules and YAML, skips helpers, tests and other files', async () => {
    const dir = folder({
      'ns.js': jsCheck('ORG-NS-001'),
      'ns2.mjs': jsCheck('ORG-NS-002'),
      'nodeport.yml': YAML_CHECK('ORG-PORT-001'),
      '_helper.js': 'export const x = 1;\n',
      'ns.test.ts': 'throw new Error("never loaded")\n',
      'README.md': '# notes\n',
    });
    mkdirSync(join(dir, 'nested'));
    expect(userCheckFiles(dir).map((f) => f.slice(dir.length + 1))).toEqual(['nodeport.yml', 'ns.js', 'ns2.mjs']);
    const checks = await loadUserChecks([dir]);
    const target = folder({ 'pod.yaml': POD, 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: a\nspec:\n  type: NodePort\n' });
    const res = await scan([target], { checks: [], extraChecks: checks, cwd: target });
    expect(res.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine}`).sort()).toEqual(['ORG-NS-001 pod.yaml:3', 'ORG-NS-002 pod.yaml:3', 'ORG-PORT-001 svc.yaml:7']);
  });

  it('rejects a TypeScript check with a bad id, naming the file', async () => {
    const ts = readFileSync(`${EXAMPLE}/checks/acme-approved-registry.ts`, 'utf8').replace("id: 'ACME-IMG-001'", "id: 'acme img'").replaceAll('../../../src/', `${process.cwd()}/src/`);
    const dir = folder({ 'bad.ts': ts });
    expect(await loadError([dir])).toBe(`${join(dir, 'bad.ts')}: invalid check metadata: meta.id: id must look like TET-PORTS-001 or ACME-001`);
  });

  it('rejects a module without a default export, a missing meta field, a syntax error', async () => {
    expect(await loadError([folder({ 'a.js': 'export const check = 1;\n' })])).toMatch(/a\.js: module does not export a check/);
    const noSeverity = jsCheck('ORG-X-001').replace('"severity":"low",', '');
    expect(await loadError([folder({ 'a.js': noSeverity })])).toMatch(/a\.js: invalid check metadata: meta\.severity: /);
    expect(await loadError([folder({ 'a.js': 'export default { meta: {\n' })])).toMatch(/a\.js: cannot load the module: /);
    expect(await loadError([folder({ 'a.js': jsCheck('ORG-X-001').replace(/run\(ctx\)[\s\S]*\},\n/, '') })])).toMatch(/a\.js: check has no run\(ctx\) function/);
  });

  it('rejects a module check naming a source kind that does not exist', async () => {
    const dir = folder({ 'a.js': jsCheck('ORG-X-001').replace('"sources":["kubernetes"]', '"sources":["kubernetes","helm"]') });
    expect(await loadError([dir])).toMatch(/a\.js: invalid check metadata: meta\.sources: unknown source "helm" \(known: .*kubernetes.*\)$/);
  });

  it('rejects built-in ids and duplicate ids', async () => {
    expect(await loadError([folder({ 'a.yaml': YAML_CHECK('TET-PRIV-001') })])).toMatch(/a\.yaml: check id TET-PRIV-001 is a built-in check's id/);
    const one = folder({ 'a.yaml': YAML_CHECK('ORG-PORT-001') });
    const two = folder({ 'b.js': jsCheck('ORG-PORT-001') });
    expect(await loadError([one, two])).toMatch(new RegExp(`b\\.js: check id ORG-PORT-001 is already used by .*a\\.yaml$`));
  });

  it('rejects YAML checks with the line of the mistake', async () => {
    const dir = folder({ 'a.yaml': YAML_CHECK('ORG-PORT-001').replace('  equals: NodePort', '  equal: NodePort') });
    expect(await loadError([dir])).toBe(`${join(dir, 'a.yaml')}:11: invalid check: condition.equal: unknown operator "equal" (known: equals, notEquals, in, notIn, exists, absent, contains, matches, greaterThan, lessThan)`);
  });

  it('rejects a folder that does not exist or is a file', async () => {
    expect(await loadError(['no/such/checks'])).toMatch(/^no\/such\/checks: cannot read the checks folder \(ENOENT\)/);
    expect(await loadError([`${EXAMPLE}/README.md`])).toMatch(/--checks-dir expects a folder/);
  });
});
