import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import privileged from '../checks/privileges/privileged-container.js';
import { defineCheck, type Check } from '../checks/engine/types.js';
import type { Finding, Resource } from '../model/index.js';
import { scan } from '../scan/scan.js';
import { applySuppressions, todayUtc } from './apply.js';

const TESTDATA = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const TODAY = '2026-06-15';

/** A tiny check for the test: every EXPOSE of a Dockerfile, at its line. */
const exposeCheck: Check = defineCheck({
  meta: {
    id: 'TEST-EXPOSE-001',
    title: 'Dockerfile exposes a port',
    pillar: 'ports',
    severity: 'low',
    description: 'Test check: reports every EXPOSE instruction.',
    remediation: 'Remove the EXPOSE.',
    sources: ['dockerfile'],
  },
  run(ctx) {
    return ctx.fromSource('dockerfile').flatMap((r) =>
      ((r.attributes.stages as Array<{ expose: Array<{ port: number; line: number }> }>) ?? []).flatMap((s) =>
        s.expose.map((e) => ({ resource: r, key: `expose-${e.line}`, message: `exposes ${e.port}`, location: { file: r.location.file, startLine: e.line, endLine: e.line } })),
      ),
    );
  },
});

function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.location.startLine} ${f.resource.id}${f.suppressed ? ` suppressed by ${f.suppressed.origin}` : ''}`);
}

describe('inline suppressions', () => {
  it('Kubernetes YAML: line above, same line, comment above the resource; not another check, a missing reason, an expired date or a detached comment', async () => {
    const res = await scan(['pods.yaml'], { checks: [privileged], cwd: join(TESTDATA, 'kubernetes'), today: TODAY });
    expect(summary(res.findings)).toEqual([
      '13 Pod/t/line-above suppressed by inline pods.yaml:12',
      '26 Pod/t/block-above suppressed by inline pods.yaml:15',
      '38 Pod/t/same-line suppressed by inline pods.yaml:38',
      '51 Pod/t/other-check',
      '64 Pod/t/no-reason',
      '77 Pod/t/expired',
      '91 Pod/t/detached',
    ]);
    expect(res.findings[0]!.suppressed).toEqual({ reason: 'needs raw sockets, reviewed by secops', expires: '2099-12-31', origin: 'inline pods.yaml:12' });
    expect(res.errors).toEqual([
      { kind: 'config', file: 'pods.yaml', line: 63, message: 'tetrad:ignore TET-PRIV-001 has no reason="..."; the suppression is not applied' },
      { kind: 'config', file: 'pods.yaml', line: 76, message: 'suppression of TET-PRIV-001 for Pod/t/expired (pods.yaml:77) expired on 2020-01-31; the finding is reported again' },
    ]);
  });

  it('Dockerfile: the resource is the whole file, so a comment inside it covers every finding of that check there', async () => {
    const res = await scan(['.'], { checks: [exposeCheck], cwd: join(TESTDATA, 'dockerfile'), today: TODAY });
    expect(summary(res.findings)).toEqual([
      '3 Dockerfile:Dockerfile suppressed by inline Dockerfile:2',
      '4 Dockerfile:Dockerfile suppressed by inline Dockerfile:2',
      '3 Dockerfile:other.Dockerfile',
    ]);
    expect(res.errors).toEqual([]);
  });

  it('HCL: # and // comments inside a block or on the line above it; same-line comments; /* */ is not a directive', () => {
    const file = 'main.tf';
    const sg = (name: string, start: number, end: number): Resource => ({
      id: `aws_security_group.${name}`,
      type: 'aws_security_group',
      provider: 'aws',
      source: 'terraform',
      name,
      attributes: {},
      location: { file, startLine: start, endLine: end },
      attributeLocations: {},
      references: [],
    });
    const resources = [sg('bastion', 1, 9), sg('web', 12, 19), sg('db', 21, 28)];
    const finding = (checkId: string, r: Resource, line: number): Finding => ({
      checkId,
      pillar: 'ports',
      severity: 'high',
      title: 't',
      verdict: 'fail',
      message: 'm',
      resource: { id: r.id, type: r.type, provider: r.provider },
      location: { file, startLine: line, endLine: line },
      remediation: 'r',
      fingerprint: `${checkId}-${r.id}`.padEnd(32, '0'),
    });
    const [bastion, web, db] = resources as [Resource, Resource, Resource];
    const findings = [finding('TEST-TF-001', bastion, 7), finding('TEST-TF-001', web, 17), finding('TEST-TF-002', web, 17), finding('TEST-TF-001', db, 26), finding('TEST-TF-002', db, 26)];
    const out = applySuppressions(findings, resources, { cwd: join(TESTDATA, 'terraform'), today: TODAY });
    expect(out.findings.map((f) => `${f.checkId} ${f.resource.id} ${f.suppressed?.origin ?? '-'}`)).toEqual([
      'TEST-TF-001 aws_security_group.bastion inline main.tf:2',
      'TEST-TF-001 aws_security_group.web inline main.tf:11',
      'TEST-TF-002 aws_security_group.web -',
      'TEST-TF-001 aws_security_group.db -',
      'TEST-TF-002 aws_security_group.db inline main.tf:26',
    ]);
    expect(out.errors).toEqual([]);
    // the input is left untouched
    expect(findings.every((f) => f.suppressed === undefined)).toBe(true);
  });

  it('Terraform and CloudFormation, end to end through their sources', async () => {
    // a tiny check: every security group's first ingress rule, at its CIDR line
    const sgCheck = (id: string): Check =>
      defineCheck({
        meta: { id, title: 'Security group ingress', pillar: 'ports', severity: 'high', description: 'Test check: every first ingress rule.', remediation: 'Restrict it.', sources: ['terraform', 'cloudformation'] },
        run: (ctx) => [
          ...ctx.ofType('aws_security_group').map((r) => ({ resource: r, attributePath: 'ingress[0].cidr_blocks', message: 'ingress' })),
          ...ctx.ofType('AWS::EC2::SecurityGroup').map((r) => ({ resource: r, attributePath: 'SecurityGroupIngress[0].CidrIp', message: 'ingress' })),
        ],
      });
    const tf = await scan(['main.tf'], { checks: [sgCheck('TEST-TF-001'), sgCheck('TEST-TF-002')], cwd: join(TESTDATA, 'terraform'), today: TODAY });
    expect(tf.errors).toEqual([]);
    expect(tf.findings.map((f) => `${f.checkId} ${f.location.startLine} ${f.resource.id} ${f.suppressed?.origin ?? '-'}`)).toEqual([
      'TEST-TF-001 7 aws_security_group.bastion inline main.tf:2',
      'TEST-TF-002 7 aws_security_group.bastion -',
      'TEST-TF-001 17 aws_security_group.web inline main.tf:11',
      'TEST-TF-002 17 aws_security_group.web -',
      'TEST-TF-001 26 aws_security_group.db -',
      'TEST-TF-002 26 aws_security_group.db inline main.tf:26',
    ]);
    const cfn = await scan(['template.yaml'], { checks: [sgCheck('TEST-SG-001')], cwd: join(TESTDATA, 'cloudformation'), today: TODAY });
    expect(cfn.errors).toEqual([]);
    expect(cfn.findings.map((f) => `${f.location.startLine} ${f.resource.id} ${f.suppressed?.origin ?? '-'}`)).toEqual(['13 BastionSG inline template.yaml:4', '22 WebSG -']);
  });

  it('an expiry on today still applies; the day after it does not', () => {
    const r: Resource = { id: 'Pod/x', type: 'Pod', provider: 'kubernetes', source: 'kubernetes', name: 'x', attributes: {}, location: { file: 'p.yaml', startLine: 2, endLine: 5 }, attributeLocations: {}, references: [] };
    const f: Finding = { checkId: 'TET-PRIV-001', pillar: 'privileges', severity: 'critical', title: 't', verdict: 'fail', message: 'm', resource: { id: 'Pod/x', type: 'Pod', provider: 'kubernetes' }, location: { file: 'p.yaml', startLine: 4, endLine: 4 }, remediation: 'r', fingerprint: 'f'.repeat(32) };
    const readText = () => '# tetrad:ignore TET-PRIV-001 reason="until the end of June" expires=2026-06-30\napiVersion: v1\n';
    expect(applySuppressions([f], [r], { today: '2026-06-30', readText }).findings[0]!.suppressed?.expires).toBe('2026-06-30');
    const after = applySuppressions([f], [r], { today: '2026-07-01', readText });
    expect(after.findings[0]!.suppressed).toBeUndefined();
    expect(after.errors.map((e) => e.message)).toEqual(['suppression of TET-PRIV-001 for Pod/x (p.yaml:4) expired on 2026-06-30; the finding is reported again']);
  });
});

describe('todayUtc', () => {
  it('is the UTC date, unless TETRAD_TODAY pins a valid one', () => {
    const now = new Date('2026-03-01T23:30:00-05:00');
    expect(todayUtc(now, {})).toBe('2026-03-02');
    expect(todayUtc(now, { TETRAD_TODAY: '2030-01-15' })).toBe('2030-01-15');
    expect(todayUtc(now, { TETRAD_TODAY: 'soon' })).toBe('2026-03-02');
  });
});

describe('.tetrad.yaml ignores', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tetrad-suppress-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const pod = (name: string, ns: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n`;

  function put(rel: string, text: string): void {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }

  it('matches check, resource and path globs; the entry without a reason and the expired one do not suppress', async () => {
    put('prod/web.yaml', pod('web', 'prod'));
    put('prod/agent.yaml', pod('agent', 'prod'));
    put('lab/debug.yaml', pod('debug', 'lab'));
    put('lab/tools.yaml', pod('tools', 'lab'));
    put('legacy/old.yaml', pod('old', 'legacy'));
    put(
      '.tetrad.yaml',
      [
        'ignores:',
        '  - check: TET-PRIV-*',
        '    resource: "Pod/lab/**"',
        '    reason: lab cluster, no production data',
        '  - check: tet-priv-001', // ids match case-insensitively
        '    path: "agent.yaml"', // no slash: matches the file name anywhere
        '    reason: node agent, reviewed',
        '    expires: 2099-01-01',
        '  - check: TET-PRIV-001',
        '    path: "legacy/*.yaml"',
        '    expires: 2099-01-01',
        '  - check: "*"',
        '    resource: Pod/prod/web',
        '    reason: grace period',
        '    expires: 2026-01-31',
      ].join('\n'),
    );
    const res = await scan(['.'], { checks: [privileged], cwd: dir, today: TODAY });
    expect(res.findings.map((f) => `${f.resource.id} ${f.suppressed?.origin ?? '-'}`)).toEqual([
      'Pod/lab/debug config .tetrad.yaml:2',
      'Pod/lab/tools config .tetrad.yaml:2',
      'Pod/legacy/old -',
      'Pod/prod/agent config .tetrad.yaml:5',
      'Pod/prod/web -',
    ]);
    expect(res.errors.map((e) => `${e.kind} ${e.file}:${e.line} ${e.message}`)).toEqual([
      'config .tetrad.yaml:9 ignore of TET-PRIV-001 has no reason; the suppression is not applied',
      'config .tetrad.yaml:12 suppression of TET-PRIV-001 for Pod/prod/web (prod/web.yaml:11) expired on 2026-01-31; the finding is reported again',
    ]);
  });

  it('a .tetrad.yaml at the root of a scanned folder matches paths relative to that folder', async () => {
    put('infra/k8s/web.yaml', pod('web', 'prod'));
    put('infra/k8s/api.yaml', pod('api', 'prod'));
    put('infra/.tetrad.yaml', 'ignores:\n  - check: TET-PRIV-001\n    path: k8s/web.yaml\n    reason: reviewed\n');
    const res = await scan(['infra'], { checks: [privileged], cwd: dir, today: TODAY });
    expect(res.findings.map((f) => `${f.location.file} ${f.suppressed?.origin ?? '-'}`)).toEqual(['infra/k8s/api.yaml -', 'infra/k8s/web.yaml config infra/.tetrad.yaml:2']);
  });

  it('noIgnores applies nothing and reports nothing about suppressions', async () => {
    cpSync(join(TESTDATA, 'kubernetes', 'pods.yaml'), join(dir, 'pods.yaml'));
    put('.tetrad.yaml', 'ignores:\n  - check: "*"\n    reason: everything\n');
    const withIgnores = await scan(['.'], { checks: [privileged], cwd: dir, today: TODAY });
    expect(withIgnores.findings.filter((f) => !f.suppressed)).toEqual([]);
    const res = await scan(['.'], { checks: [privileged], cwd: dir, today: TODAY, noIgnores: true });
    expect(res.findings).toHaveLength(7);
    expect(res.findings.filter((f) => f.suppressed)).toEqual([]);
    expect(res.errors).toEqual([]);
  });

  it('checks the tetrad:ignore comments of files without findings too, large files included', async () => {
    put('clean.yaml', pod('web', 'prod').replace('privileged: true', '# tetrad:ignore TET-PRIV-001\n        privileged: false'));
    const padding = `# ${'x'.repeat(100)}\n`.repeat(100); // pushes the comment past the first 8 KiB
    put('big.yaml', pod('api', 'prod').replace('kind: Pod\n', `kind: Pod\n${padding}`).replace('privileged: true', '# tetrad:ignore reason="no id"\n        privileged: false'));
    put('plain.yaml', pod('db', 'prod').replace('privileged: true', 'privileged: false'));
    put('NOTES.md', '# tetrad:ignore TET-PRIV-001 expires=someday\n'); // not a scanned input: never checked
    const res = await scan(['.'], { checks: [privileged], cwd: dir, today: TODAY });
    expect(res.findings).toEqual([]);
    expect(res.errors.map((e) => `${e.file}:${e.line} ${e.message}`)).toEqual([
      'big.yaml:111 invalid tetrad:ignore comment, not applied: tetrad:ignore needs a check id, a comma-separated list of ids, or *',
      'clean.yaml:11 tetrad:ignore TET-PRIV-001 has no reason="..."; the suppression is not applied',
    ]);
  });

  it('a bad configuration stops the scan with file and line', async () => {
    put('pod.yaml', pod('web', 'prod'));
    put('.tetrad.yaml', 'ignores:\n  - check: TET-PRIV-001\n    reason: [not, a, string]\n');
    await expect(scan(['.'], { checks: [privileged], cwd: dir })).rejects.toThrow(/^\.tetrad\.yaml:3: invalid configuration at ignores\.0\.reason/);
    expect(readFileSync(join(dir, 'pod.yaml'), 'utf8')).toContain('privileged: true');
  });
});
