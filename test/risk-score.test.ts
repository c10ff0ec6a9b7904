/**
 * Finding risk (src/risk/score.ts): the combination of named inputs, the
 * exposure and privilege indexes over a real Terraform estate, the lazily
 * loaded exploit model, and the three reports that show the score.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinChecks } from '../src/checks/engine/builtin.js';
import { defineCheck, type Check } from '../src/checks/engine/types.js';
import type { Finding } from '../src/model/index.js';
import { renderTable } from '../src/report/table.js';
import { toJsonReport } from '../src/report/json.js';
import { toSarif } from '../src/report/sarif.js';
import { byRisk, combineRisk, ExploitEstimator, recordFromFacts, scoreFindings, topContributions, type RiskOptions } from '../src/risk/score.js';
import { runChecks } from '../src/checks/engine/run.js';
import { loadModel, scan, type ScanResult } from '../src/scan/scan.js';
import { describeErrors, validateJsonReport, validateSarif } from './schemas/validators.js';

describe('combineRisk', () => {
  it('adds the named inputs, labels them and sorts them by points', () => {
    const r = combineRisk({ severity: 'high', verdict: 'fail', kev: { cves: ['CVE-2019-5736'] }, exposure: { via: 'x', source: 'ports-finding' }, privilege: { level: 'admin', via: 'y' } });
    expect(r.contributions.map((c) => c.label)).toEqual(['internet-exposed +30', 'high severity +30', 'KEV +25', 'admin-capable role +20']);
    // 105 points are capped
    expect(r.score).toBe(100);
    expect(topContributions(r, 2)).toBe('internet-exposed +30, high severity +30');
  });

  it('KEV makes the model estimate redundant; the model scales by the square root', () => {
    const kev = combineRisk({ severity: 'medium', verdict: 'fail', kev: { cves: ['CVE-1'] }, exploit: { probability: 0.01, cves: ['CVE-1'], source: 'model' } });
    expect(kev.contributions.map((c) => c.factor)).toEqual(['kev', 'severity']);
    expect(kev.score).toBe(45);
    const model = combineRisk({ severity: 'medium', verdict: 'fail', exploit: { probability: 0.16, cves: ['CVE-1'], source: 'model' }, epss: 0.25 });
    // 25·√0.16 = 10, 10·√0.25 = 5
    expect(model.contributions).toEqual([
      { factor: 'severity', points: 20, label: 'medium severity +20' },
      { factor: 'exploit-likelihood', points: 10, label: 'exploit likelihood 16%' + ' +10' },
      { factor: 'epss', points: 5, label: 'EPSS 25% +5' },
    ]);
    expect(model.score).toBe(35);
  });

  it('halves severity for an unknown verdict, drops zero contributions, bounds feedback, keeps 0–100', () => {
    expect(combineRisk({ severity: 'critical', verdict: 'unknown' }).contributions).toEqual([{ factor: 'severity', points: 20, label: 'critical severity (unknown verdict) +20' }]);
    expect(combineRisk({ severity: 'info', verdict: 'fail', exploit: { probability: 0, cves: [], source: 'model' } }).contributions.map((c) => c.factor)).toEqual(['severity']);
    const down = combineRisk({ severity: 'low', verdict: 'fail', feedback: { points: -500, reason: 'accepted risk' } });
    expect(down.contributions.find((c) => c.factor === 'feedback')!.points).toBe(-50);
    expect(down.score).toBe(0);
    expect(combineRisk({ severity: 'low', verdict: 'fail', blastRadius: { reachable: 10 } }).score).toBe(15);
    expect(combineRisk({ severity: 'low', verdict: 'fail', exploit: { probability: Number.NaN, cves: [], source: 'model' } }).score).toBe(10);
  });
});

describe('byRisk', () => {
  it('orders by score, highest first, and keeps the given order on ties', () => {
    const f = (id: string, score?: number) => ({ id, risk: score === undefined ? undefined : { score, contributions: [] } });
    expect(byRisk([f('a', 10), f('b', 50), f('c'), f('d', 10), f('e', 50)]).map((x) => x.id)).toEqual(['b', 'e', 'a', 'd', 'c']);
  });
});

const ESTATE = `
resource "aws_security_group" "bastion" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_security_group" "internal" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
resource "aws_iam_role" "admin" {
  name               = "admin"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "admin" {
  role   = aws_iam_role.admin.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}
resource "aws_iam_instance_profile" "admin" {
  role = aws_iam_role.admin.name
}
resource "aws_instance" "bastion" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.bastion.id]
  iam_instance_profile   = aws_iam_instance_profile.admin.name
  metadata_options {
    http_tokens = "optional"
  }
}
resource "aws_instance" "worker" {
  ami                    = "ami-2"
  vpc_security_group_ids = [aws_security_group.internal.id]
  metadata_options {
    http_tokens = "optional"
  }
}
`;

/** A stand-in for the vulnerability check: a finding with CVE facts on every aws_instance. */
function vulnCheck(facts: { kev?: boolean; epss?: number; ids?: string[] }): Check {
  return defineCheck({
    meta: { id: 'TEST-VULN-001', title: 'Package with a known vulnerability', pillar: 'patches', severity: 'high', description: 'test', remediation: 'upgrade', sources: ['terraform'] },
    run: (ctx) =>
      ctx.ofType('aws_instance').map((r) => ({
        resource: r,
        message: 'runc 1.0.0~rc2 is vulnerable',
        vulnerability: {
          ids: facts.ids ?? ['GHSA-gxmr-w5mj-v8hh', 'CVE-2019-5736'],
          package: { ecosystem: 'Debian:10', name: 'runc', installed: '1.0.0~rc2', fixed: ['1.0.0~rc6'] },
          cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:C/C:H/I:H/A:H', score: 8.6 }],
          ...(facts.kev !== undefined ? { kev: facts.kev } : {}),
          ...(facts.epss !== undefined ? { epss: facts.epss } : {}),
        },
      })),
  });
}

let dir: string;
let builtin: Check[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-risk-'));
  writeFileSync(join(dir, 'main.tf'), ESTATE);
  builtin = (await loadBuiltinChecks()).filter((c) => ['TET-PORTS-001', 'TET-PRIV-002', 'TET-PRIV-010'].includes(c.meta.id));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byKey = (res: Pick<ScanResult, 'findings'>) => new Map(res.findings.map((f) => [`${f.checkId} ${f.resource.id}`, f]));

/** The checks' findings over the estate, scored here (independent of where the scan wires the score in). */
async function scored(checks: Check[], risk: RiskOptions): Promise<{ findings: Finding[]; estimator: ExploitEstimator }> {
  const { resources } = await loadModel([dir], { cwd: dir });
  const { findings } = runChecks(checks, resources);
  return { findings, estimator: scoreFindings(findings, resources, risk) };
}

describe('risk in a scan', () => {
  it('an instance behind an open security group, running as an admin role, is exposed and admin-capable', async () => {
    const estimator = new ExploitEstimator({ loadModel: () => fail('the model must not load without CVE ids') });
    const res = await scored(builtin, { estimator });
    const got = byKey(res);
    expect([...got.keys()].sort()).toEqual([
      'TET-PORTS-001 aws_security_group.bastion',
      'TET-PRIV-002 aws_iam_role_policy.admin',
      'TET-PRIV-010 aws_instance.bastion',
      'TET-PRIV-010 aws_instance.worker',
    ]);
    // IMDSv1 on the exposed bastion: exposure counts, but not its own pillar's admin grant
    expect(got.get('TET-PRIV-010 aws_instance.bastion')!.risk).toEqual({
      score: 60,
      contributions: [
        { factor: 'internet-exposed', points: 30, label: 'internet-exposed +30' },
        { factor: 'severity', points: 30, label: 'high severity +30' },
      ],
    });
    // the worker's group admits only 10.0.0.0/8: severity alone
    expect(got.get('TET-PRIV-010 aws_instance.worker')!.risk!.score).toBe(30);
    // the open port itself is the exposure: not counted twice
    expect(got.get('TET-PORTS-001 aws_security_group.bastion')!.risk!.contributions.map((c) => c.factor)).toEqual(['severity']);
    expect(estimator.loads).toBe(0);
  });

  it('a KEV vulnerability on the exposed admin host tops the list: "internet-exposed +30, KEV +25, admin-capable role +20"', async () => {
    const estimator = new ExploitEstimator({ loadModel: () => fail('KEV needs no model') });
    const res = await scored([...builtin, vulnCheck({ kev: true })], { estimator });
    const bastion = byKey(res).get('TEST-VULN-001 aws_instance.bastion')!;
    expect(bastion.risk!.contributions.map((c) => c.label)).toEqual(['internet-exposed +30', 'high severity +30', 'KEV +25', 'admin-capable role +20']);
    expect(bastion.risk!.score).toBe(100);
    const worker = byKey(res).get('TEST-VULN-001 aws_instance.worker')!;
    expect(worker.risk!.score).toBe(55);
    expect(estimator.loads).toBe(0);
    // the JSON report lists by risk: the bastion's vulnerability first
    const json = toJsonReport({ ...(await scan([dir], { checks: [], cwd: dir, loadConfig: false })), findings: res.findings }) as { findings: Finding[] };
    expect(json.findings[0]).toBe(bastion);
    expect(json.findings.map((f) => f.risk!.score)).toEqual([...json.findings.map((f) => f.risk!.score)].sort((a, b) => b - a));
  });

  it('loads the shipped model once, only for CVE ids, and records its probability on the finding', async () => {
    const { findings, estimator } = await scored([...builtin, vulnCheck({ epss: 0.04 })], {});
    const res = { findings };
    expect(estimator.loads).toBe(1);
    const vulns = res.findings.filter((f) => f.checkId === 'TEST-VULN-001');
    expect(vulns).toHaveLength(2);
    for (const f of vulns) {
      const p = f.vulnerability!.exploitProbability!;
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(0.5);
      const c = new Map(f.risk!.contributions.map((x) => [x.factor, x.points]));
      expect(c.get('exploit-likelihood')).toBe(Math.round(25 * Math.sqrt(p)) || undefined);
      expect(c.get('epss')).toBe(2);
    }
    // a finding without CVE ids (only a GHSA id) does not load the model
    const quiet = await scored([vulnCheck({ ids: ['GHSA-gxmr-w5mj-v8hh'] })], {});
    expect(quiet.estimator.loads).toBe(0);
    expect(quiet.findings[0]!.vulnerability!.exploitProbability).toBeUndefined();
  });

  it('a model that cannot load leaves the exploit input out and keeps the error (read once)', async () => {
    let attempts = 0;
    const res = await scored([vulnCheck({})], { loadModel: () => { attempts++; throw new Error('corrupt artifact'); } });
    expect(res.estimator.loadError?.message).toBe('corrupt artifact');
    expect(attempts).toBe(1);
    expect(res.findings).toHaveLength(2);
    expect(res.findings.every((f) => f.risk!.contributions.every((c) => c.factor !== 'exploit-likelihood'))).toBe(true);
  });

  it('scan() scores every finding after the checks, with the estimator it is given', async () => {
    const estimator = new ExploitEstimator({ loadModel: () => fail('KEV needs no model') });
    const res = await scan([dir], { checks: [...builtin, vulnCheck({ kev: true })], cwd: dir, loadConfig: false, risk: { estimator } });
    expect(res.findings.length).toBe(6);
    expect(res.findings.every((f) => f.risk !== undefined && f.risk.score > 0)).toBe(true);
    expect(byKey(res).get('TEST-VULN-001 aws_instance.bastion')!.risk!.score).toBe(100);
    expect(estimator.loads).toBe(0);
  });

  it('the reports show the risk: table line, JSON field (schema-valid), SARIF rank', async () => {
    const res = await scan([dir], { checks: [...builtin, vulnCheck({ kev: true })], cwd: dir, loadConfig: false });
    scoreFindings(res.findings, res.resources);
    const table = renderTable(res);
    expect(table).toContain('risk 100: internet-exposed +30, high severity +30, KEV +25');
    // in the patches group the exposed host comes first
    const patches = table.slice(table.indexOf('PATCHES'));
    expect(patches.indexOf('aws_instance.bastion')).toBeLessThan(patches.indexOf('aws_instance.worker'));
    const json = JSON.parse(JSON.stringify(toJsonReport(res)));
    expect(describeErrors(validateJsonReport(json))).toBe('');
    const sarif = toSarif(res);
    expect(describeErrors(validateSarif(JSON.parse(JSON.stringify(sarif))))).toBe('');
    const results = sarif.runs[0]!.results!;
    for (const [i, r] of results.entries()) {
      expect(r.rank).toBe(res.findings[i]!.risk!.score);
      expect(r.properties!.riskContributions).toEqual(res.findings[i]!.risk!.contributions.map((c) => c.label));
    }
  });
});

describe('recordFromFacts', () => {
  it('keeps only the CVSS vectors a finding states', () => {
    const rec = recordFromFacts('CVE-2019-5736', {
      vulnerability: { ids: ['CVE-2019-5736'], package: { ecosystem: 'Go', name: 'runc', installed: '1', fixed: [] }, cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N', score: 9 }, { version: '9.9', vector: 'x', score: 1 }] },
    } as unknown as Finding);
    expect(rec).toEqual({ cveMetadata: { cveId: 'CVE-2019-5736' }, containers: { cna: { metrics: [{ cvssV3_1: { version: '3.1', vectorString: 'CVSS:3.1/AV:N', baseScore: 9 } }] } } });
  });

  it('the shipped model ranks a remote unauthenticated critical vector above a local, high-privilege one', () => {
    const est = new ExploitEstimator();
    const f = (vector: string, score: number) => ({ vulnerability: { ids: [], package: { ecosystem: 'x', name: 'y', installed: '1', fixed: [] }, cvss: [{ version: '3.1', vector, score }] } }) as unknown as Finding;
    const remote = est.probability(['CVE-2099-0001'], f('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8))!;
    const local = est.probability(['CVE-2099-0002'], f('CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.8))!;
    expect(remote).toBeGreaterThan(local * 10);
    expect(est.loads).toBe(1);
  });
});

function fail(message: string): never {
  throw new Error(message);
}

describe('CVE records from the advisory store', () => {
  it('rebuilds the publication-time facts the model reads, never SSVC, and feeds the estimator', async () => {
    const { openStore } = await import('../src/vulns/store/db.js');
    const { importPath } = await import('../src/vulns/store/import.js');
    const { storeCveLookup } = await import('../src/risk/cve-lookup.js');
    const { namedFeatures } = await import('../src/ml/features.js');
    const tmp = mkdtempSync(join(tmpdir(), 'tetrad-risk-store-'));
    try {
      const record = (ssvc: boolean) => ({
        dataType: 'CVE_RECORD',
        cveMetadata: { cveId: 'CVE-2019-5736', state: 'PUBLISHED', datePublished: '2019-02-11T19:00:00Z', dateUpdated: '2024-08-04T00:00:00Z' },
        containers: {
          cna: {
            title: 'runc container breakout',
            descriptions: [{ lang: 'en', value: 'runc through 1.0-rc6 allows attackers to overwrite the host runc binary and obtain host root access.' }],
            problemTypes: [{ descriptions: [{ lang: 'en', type: 'CWE', cweId: 'CWE-78' }] }],
            metrics: [{ cvssV3_1: { version: '3.1', vectorString: 'CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:C/C:H/I:H/A:H', baseScore: 8.6 } }],
          },
          adp: ssvc ? [{ providerMetadata: { shortName: 'CISA-ADP' }, metrics: [{ other: { type: 'ssvc', content: { options: [{ Exploitation: 'active' }] } } }] }] : [],
        },
      });
      const lookups = [true, false].map((ssvc) => {
        const file = join(tmp, `cve-${ssvc}.json`);
        writeFileSync(file, JSON.stringify(record(ssvc)));
        const db = openStore(join(tmp, `store-${ssvc}.db`));
        importPath(db, file);
        return storeCveLookup(db);
      });
      const [withSsvc, without] = lookups.map((l) => l('CVE-2019-5736')!);
      expect(JSON.stringify(withSsvc)).toBe(JSON.stringify(without));
      expect(lookups[0]!('CVE-2000-0001')).toBeUndefined();
      const features = [...namedFeatures(withSsvc!).keys()];
      expect(features).toEqual(expect.arrayContaining(['cwe:CWE-78', 'v3:AV:L', 'w:runc', 'b:host root']));
      // the estimator uses the look-up instead of the finding's vectors alone
      const rich = new ExploitEstimator({ records: lookups[0] });
      const thin = new ExploitEstimator();
      const f = { vulnerability: { ids: ['CVE-2019-5736'], package: { ecosystem: 'Go', name: 'runc', installed: '1.0.0-rc2', fixed: [] }, cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:C/C:H/I:H/A:H', score: 8.6 }] } } as unknown as Finding;
      const p = rich.probability(['CVE-2019-5736'], f)!;
      expect(p).toBeGreaterThan(0);
      expect(p).not.toBe(thin.probability(['CVE-2019-5736'], f));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
