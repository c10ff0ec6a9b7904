/**
 * The JSON report against docs/report.schema.json and the SARIF log against
 * the official OASIS SARIF 2.1.0 schema, on real scans: suppressed findings
 * (inline and configured), an unknown verdict, parse and configuration errors.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import privileged from '../src/checks/privileges/privileged-container.js';
import { defineCheck, type Check } from '../src/checks/engine/types.js';
import { unknown } from '../src/model/index.js';
import { FORMATS } from '../src/report/index.js';
import { toJsonReport } from '../src/report/json.js';
import { pathToUriReference, ruleName, toSarif } from '../src/report/sarif.js';
import { scan, type ScanResult } from '../src/scan/scan.js';
import { describeErrors, validateJsonReport, validateSarif } from './schemas/validators.js';

/** Test check: a Pod whose hostNetwork is unresolved yields an unknown verdict; never fires otherwise. */
const unresolved: Check = defineCheck({
  meta: {
    id: 'TEST-UNKNOWN-001',
    title: 'Host network flag unresolved',
    pillar: 'ports',
    severity: 'medium',
    description: 'Test check that reports an unknown verdict.',
    remediation: 'Resolve the value.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
    compliance: { 'nist-800-53': ['SC-7'] },
    sources: ['kubernetes'],
  },
  run(ctx) {
    return ctx
      .fromSource('kubernetes')
      .filter((r) => r.type === 'Pod' && (r.attributes.metadata as { name?: string } | undefined)?.name === 'detached')
      .map((r) => ({ resource: r, attributePath: 'spec', verdict: 'unknown' as const, message: `hostNetwork is ${unknown('test', 'var.host_network').toString()}`, evidence: 'spec.hostNetwork: <unknown>' }));
  },
});

/** Test check that never fires: its rule must still be listed in SARIF. */
const silent: Check = defineCheck({
  meta: { id: 'TEST-SILENT-001', title: 'Never fires', pillar: 'patches', severity: 'info', description: 'Test check without findings.', remediation: 'Nothing to do.', sources: ['kubernetes'] },
  run: () => [],
});

let dir: string;
let result: ScanResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-reports-'));
  cpSync(new URL('../src/suppress/testdata/kubernetes/pods.yaml', import.meta.url), join(dir, 'pods.yaml'));
  writeFileSync(join(dir, 'broken manifest.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
  writeFileSync(join(dir, '.tetrad.yaml'), 'ignores:\n  - check: TET-PRIV-001\n    resource: Pod/t/detached\n    reason: tracked in SEC-123\n    expires: 2099-01-01\n');
  result = await scan(['.'], { checks: [privileged, unresolved, silent], cwd: dir, today: '2026-06-15' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the scan used by these tests', () => {
  it('has inline and configured suppressions, an unknown verdict, and parse and config errors', () => {
    expect(result.findings.some((f) => f.suppressed?.origin.startsWith('inline'))).toBe(true);
    expect(result.findings.some((f) => f.suppressed?.origin.startsWith('config'))).toBe(true);
    expect(result.findings.some((f) => f.verdict === 'unknown')).toBe(true);
    expect(result.errors.map((e) => e.kind).sort()).toEqual(['config', 'config', 'parse']);
    expect(result.checks.map((c) => c.id)).toEqual(['TET-PRIV-001', 'TEST-UNKNOWN-001', 'TEST-SILENT-001']);
  });
});

describe('JSON report', () => {
  it('matches docs/report.schema.json', () => {
    const doc = JSON.parse(FORMATS.json!(result, {})) as ReturnType<typeof toJsonReport>;
    const errors = validateJsonReport(doc);
    expect(errors, describeErrors(errors)).toEqual([]);
  });

  it('counts suppressed findings apart and keeps them in the list', () => {
    const doc = JSON.parse(FORMATS.json!(result, {})) as { summary: { findings: number; suppressed: number }; findings: Array<{ suppressed?: { reason: string; origin: string; expires?: string } }> };
    expect(doc.summary).toMatchObject({ findings: 4, suppressed: 4 });
    expect(doc.findings.filter((f) => f.suppressed).map((f) => f.suppressed)).toContainEqual({ reason: 'tracked in SEC-123', expires: '2099-01-01', origin: 'config .tetrad.yaml:2' });
  });

  it('rejects reports that break the contract (so the schema test can fail)', () => {
    const good = JSON.parse(FORMATS.json!(result, {})) as { findings: Array<Record<string, unknown>>; errors: Array<Record<string, unknown>> };
    const variants: Array<(d: typeof good) => void> = [
      (d) => (d.findings[0]!.verdict = 'maybe'),
      (d) => (d.findings[0]!.suppressed = { origin: 'inline x:1' }),
      (d) => (d.findings[0]!.suppressed = { reason: 'r', origin: 'somewhere' }),
      (d) => (d.findings[0]!.surprise = true),
      (d) => delete d.findings[0]!.fingerprint,
      (d) => (d.errors[0]!.kind = 'fatal'),
    ];
    for (const mutate of variants) {
      const d = structuredClone(good);
      mutate(d);
      expect(validateJsonReport(d).length, mutate.toString()).toBeGreaterThan(0);
    }
  });
});

describe('SARIF 2.1.0', () => {
  it('validates against the official OASIS schema', () => {
    const log = JSON.parse(FORMATS.sarif!(result, {})) as unknown;
    const errors = validateSarif(log);
    expect(errors, describeErrors(errors)).toEqual([]);
  });

  it('validates for an empty scan too', async () => {
    const empty = await scan([join(dir, 'does-not-exist')], { checks: [silent], cwd: dir, loadConfig: false });
    const errors = validateSarif(toSarif(empty));
    expect(errors, describeErrors(errors)).toEqual([]);
  });

  it('rejects broken logs (so the schema test can fail)', () => {
    const good = toSarif(result);
    const variants: Array<(l: typeof good) => void> = [
      (l) => (l.runs[0]!.results![0]!.suppressions = [{ kind: 'inline' as 'inSource' }]),
      (l) => (l.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0),
      (l) => (l.runs[0]!.results![0]!.level = 'critical' as 'error'),
      (l) => (l.version = '2.0.0' as '2.1.0'),
    ];
    for (const mutate of variants) {
      const l = structuredClone(good);
      mutate(l);
      expect(validateSarif(l).length, mutate.toString()).toBeGreaterThan(0);
    }
  });

  it('lists a rule for every check that ran, with GitHub security-severity, tags and help', () => {
    const driver = toSarif(result).runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: 'tetrad', version: result.tool.version, informationUri: result.tool.informationUri });
    expect(driver.rules!.map((r) => r.id)).toEqual(['TET-PRIV-001', 'TEST-UNKNOWN-001', 'TEST-SILENT-001']);
    const [priv, unk, silentRule] = driver.rules!;
    expect(priv).toMatchObject({
      name: 'ContainerRunsPrivileged',
      shortDescription: { text: 'Container runs privileged' },
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '9.5', tags: ['security', 'privileges', 'cis-kubernetes:5.2.2', 'nist-800-53:AC-6', 'nist-800-53:CM-7'] },
    });
    expect(priv!.fullDescription!.text).toBe(privileged.meta.description);
    expect(priv!.help!.text).toContain(`Remediation: ${privileged.meta.remediation}`);
    expect(priv!.helpUri).toBe(privileged.meta.references![0]);
    expect(unk).toMatchObject({ defaultConfiguration: { level: 'warning' }, properties: { 'security-severity': '5.5' } });
    expect(silentRule).toMatchObject({ defaultConfiguration: { level: 'note' }, properties: { 'security-severity': '0.0', tags: ['security', 'patches'] } });
  });

  it('maps results: ruleIndex, level, relative location, fingerprint, suppressions', () => {
    const run = toSarif(result).runs[0]!;
    expect(run.results).toHaveLength(result.findings.length);
    for (const [i, r] of run.results!.entries()) {
      const f = result.findings[i]!;
      expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
      expect(r.partialFingerprints).toEqual({ 'tetrad/v1': f.fingerprint });
      expect(r.locations![0]!.physicalLocation).toEqual({
        artifactLocation: { uri: f.location.file, uriBaseId: '%SRCROOT%' },
        region: { startLine: f.location.startLine, endLine: f.location.endLine },
      });
      expect(r.locations![0]!.logicalLocations).toEqual([{ name: f.resource.id, fullyQualifiedName: f.resource.id, kind: 'resource' }]);
    }
    const byResource = (id: string, checkId = 'TET-PRIV-001') => run.results!.find((r) => r.ruleId === checkId && r.locations![0]!.logicalLocations![0]!.name === id)!;
    expect(byResource('Pod/t/other-check')).toMatchObject({ kind: 'fail', level: 'error' });
    expect(byResource('Pod/t/other-check').suppressions).toBeUndefined();
    expect(byResource('Pod/t/line-above').suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'needs raw sockets, reviewed by secops', properties: { origin: 'inline pods.yaml:12', expires: '2099-12-31' } },
    ]);
    expect(byResource('Pod/t/detached').suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'tracked in SEC-123', properties: { origin: 'config .tetrad.yaml:2', expires: '2099-01-01' } },
    ]);
    const unk = byResource('Pod/t/detached', 'TEST-UNKNOWN-001');
    expect(unk).toMatchObject({ kind: 'review', level: 'none', properties: { verdict: 'unknown' } });
    expect(unk.suppressions).toBeUndefined();
  });

  it('reports scan errors as tool execution notifications with their location', () => {
    const notes = toSarif(result).runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes.map((n) => [n.level, n.descriptor?.id, n.locations?.[0]?.physicalLocation?.artifactLocation?.uri])).toEqual(
      result.errors.map((e) => [e.kind === 'parse' ? 'error' : 'warning', `tetrad/${e.kind}`, e.file.split('/').map(encodeURIComponent).join('/')]),
    );
    const parse = notes.find((n) => n.descriptor?.id === 'tetrad/parse')!;
    expect(parse.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'broken%20manifest.yaml', uriBaseId: '%SRCROOT%' });
    expect(parse.locations![0]!.physicalLocation!.region!.startLine).toBeGreaterThanOrEqual(4);
  });

  it('encodes paths as URI references and names rules as identifiers', () => {
    expect(pathToUriReference('infra/my stack/#1/main.tf')).toBe('infra/my%20stack/%231/main.tf');
    expect(ruleName('Security group allows SSH (22) from 0.0.0.0/0')).toBe('SecurityGroupAllowsSSH22From00000');
  });
});

describe('reports of the bundled example estate, with every built-in check', () => {
  it('validate: JSON against docs/report.schema.json, SARIF against the OASIS schema', async () => {
    const estate = await scan([fileURLToPath(new URL('../examples/hybrid-estate', import.meta.url))]);
    expect(estate.findings.length).toBeGreaterThan(0);
    const json = validateJsonReport(JSON.parse(FORMATS.json!(estate, {})));
    expect(json, describeErrors(json)).toEqual([]);
    const sarif = validateSarif(JSON.parse(FORMATS.sarif!(estate, {})));
    expect(sarif, describeErrors(sarif)).toEqual([]);
  });
});

describe('reports of malformed inputs of every kind', () => {
  it('carry each parse error with file, line and column, and stay valid', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'tetrad-malformed-'));
    try {
      writeFileSync(join(bad, 'main.tf'), 'resource "aws_security_group" "web" {\n  ingress {\n    from_port = \n}\n');
      writeFileSync(join(bad, 'template.json'), '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Sg": { "Type": "AWS::EC2::SecurityGroup", }\n  }\n}\n');
      writeFileSync(join(bad, 'plan.json'), '{"format_version": "1.2", "terraform_version": "1.9.0", "planned_values": {\n');
      writeFileSync(join(bad, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n');
      const res = await scan(['.'], { checks: [silent], cwd: bad, loadConfig: false });
      const parseErrors = res.errors.filter((e) => e.kind === 'parse');
      expect(parseErrors.map((e) => e.source).sort()).toEqual(['cloudformation', 'kubernetes', 'terraform', 'terraform-plan']);
      expect(parseErrors.every((e) => e.line === undefined || e.line >= 1)).toBe(true);
      const json = validateJsonReport(JSON.parse(FORMATS.json!(res, {})));
      expect(json, describeErrors(json)).toEqual([]);
      const sarif = validateSarif(toSarif(res));
      expect(sarif, describeErrors(sarif)).toEqual([]);
      expect(toSarif(res).runs[0]!.invocations![0]!.toolExecutionNotifications!.filter((n) => n.level === 'error')).toHaveLength(parseErrors.length);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
