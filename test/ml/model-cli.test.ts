import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tetrad } from '../support/cli.js';
import { exploitProbability, modelFromArtifact, readArtifact } from '../../src/ml/artifact.js';
import { HELDOUT_MODEL_FILE, SHIPPED_MODEL_FILE, sharedDataAvailable } from '../../src/ml/paths.js';
import { cveRecord, syntheticFleet, withLeakyFields } from './records.js';

const dir = mkdtempSync(join(tmpdir(), 'tetrad-model-cli-'));
const records = [
  cveRecord({ id: 'CVE-2024-1001', published: '2024-06-03', description: 'Unauthenticated remote code execution in the VPN gateway web portal.', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8, cwe: 'CWE-78', vendor: 'ivanti', product: 'connect secure' }),
  cveRecord({ id: 'CVE-2024-1002', published: '2024-06-03', description: 'Cross-site scripting in a WordPress plugin settings page.', vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N', score: 4.8, cwe: 'CWE-79', vendor: 'someone', product: 'some plugin' }),
  cveRecord({ id: 'CVE-2024-1003', published: '2024-06-04', description: 'A null pointer dereference in a command-line image converter.' }),
];
const lines = records.map((r) => JSON.stringify(r));

function parseLines(stdout: string) {
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as { cveId: string; probability: number });
}

describe('tetrad model score', () => {
  const model = modelFromArtifact(readArtifact(SHIPPED_MODEL_FILE));

  it('writes exactly one {cveId, probability} line per record, from plain and gzip input', () => {
    writeFileSync(join(dir, 'in.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'in.jsonl.gz'), gzipSync(lines.join('\n')));
    for (const file of ['in.jsonl', 'in.jsonl.gz']) {
      const r = tetrad(['model', 'score', '--input', join(dir, file)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = parseLines(r.stdout);
      expect(out.map((o) => o.cveId)).toEqual(records.map((x) => x.cveMetadata.cveId));
      for (const [i, o] of out.entries()) {
        expect(Object.keys(o)).toEqual(['cveId', 'probability']);
        expect(o.probability).toBeGreaterThan(0);
        expect(o.probability).toBeLessThan(1);
        expect(o.probability).toBeCloseTo(exploitProbability(model, records[i]), 5);
      }
      // a VPN RCE is far likelier to be exploited than a plugin XSS
      expect(out[0].probability).toBeGreaterThan(out[1].probability);
    }
  });

  it('gives the same output when KEV and SSVC Exploitation fields are present', () => {
    writeFileSync(join(dir, 'leaky.jsonl'), records.map((r) => JSON.stringify(withLeakyFields(r, 'active'))).join('\n'));
    writeFileSync(join(dir, 'clean.jsonl'), lines.join('\n'));
    expect(tetrad(['model', 'score', '--input', join(dir, 'leaky.jsonl')]).stdout).toBe(tetrad(['model', 'score', '--input', join(dir, 'clean.jsonl')]).stdout);
  });

  it('reports malformed lines on stderr with file:line, scores the rest and exits 2', () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, [lines[0], 'not json', lines[1]].join('\n'));
    const r = tetrad(['model', 'score', '--input', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/mixed\.jsonl:2: invalid JSON/);
    expect(parseLines(r.stdout).map((o) => o.cveId)).toEqual(['CVE-2024-1001', 'CVE-2024-1002']);
  });

  it('exits 2 on a missing input or model', () => {
    expect(tetrad(['model', 'score', '--input', join(dir, 'nope.jsonl')]).status).toBe(2);
    expect(tetrad(['model', 'score']).status).toBe(2);
    writeFileSync(join(dir, 'bad-model.json'), '{"format":"x"}');
    writeFileSync(join(dir, 'one.jsonl'), lines[0]);
    const r = tetrad(['model', 'score', '--input', join(dir, 'one.jsonl'), '--model', join(dir, 'bad-model.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad-model\.json: not a tetrad-exploit-model/);
  });
});

describe('tetrad model train and eval (small synthetic data)', () => {
  it('train writes an artifact that eval reads back with the same test metrics', () => {
    const { records: fleet, kev } = syntheticFleet(2000);
    writeFileSync(join(dir, 'fleet.jsonl.gz'), gzipSync(fleet.map((r) => JSON.stringify(r)).join('\n')));
    writeFileSync(join(dir, 'kev.json'), JSON.stringify({ vulnerabilities: [...kev].map((cveID) => ({ cveID })) }));
    const out = join(dir, 'model.json');
    const args = ['--records', join(dir, 'fleet.jsonl.gz'), '--kev', join(dir, 'kev.json')];
    const t = tetrad(['model', 'train', '--seed', '5', ...args, '--output', out]);
    expect(t.stderr).toMatch(/validation PR-AUC/);
    expect(t.status).toBe(0);
    // two artifacts: the held-out model (evaluated) and the final model refitted on every record (scores)
    const heldout = join(dir, 'model-heldout.json');
    expect(t.stdout).toContain(`wrote ${heldout}`);
    expect(t.stdout).toMatch(/refitted on every record through 2024-05/);
    const artifact = JSON.parse(readFileSync(heldout, 'utf8')) as { metrics: { test: { prAuc: number; rocAuc: number } } };
    const final = JSON.parse(readFileSync(out, 'utf8')) as { name: string; metrics: unknown; training: { trainedThrough: string } };
    expect(final.metrics).toEqual({ heldout: artifact.metrics });
    expect(final.training.trainedThrough).toBe('2024-05');
    const inSample = JSON.parse(tetrad(['model', 'eval', '--model', out, ...args, '--format', 'json', '--bootstrap', '0']).stdout) as { inSample: boolean };
    expect(inSample.inSample).toBe(true);
    const e = tetrad(['model', 'eval', '--model', heldout, ...args, '--format', 'json', '--fn-cost', '10', '--fp-cost', '1']);
    expect(e.status).toBe(0);
    const report = JSON.parse(e.stdout) as { inSample: boolean; artifact: string; model: { prAuc: number; rocAuc: number }; costs: { threshold: number }; baselines: { label: string }[] };
    expect(report.inSample).toBe(false);
    expect(report.artifact).toBe(heldout);
    expect(report.model.prAuc).toBeCloseTo(artifact.metrics.test.prAuc, 4);
    expect(report.model.rocAuc).toBeCloseTo(artifact.metrics.test.rocAuc, 4);
    expect(report.costs.threshold).toBeCloseTo(1 / 11, 10);
    expect(report.baselines.map((b) => b.label)).toEqual(['CVSS >= 7', 'CVSS >= 9']);
    const table = tetrad(['model', 'eval', '--model', heldout, ...args]);
    expect(table.stdout.split('\n')[0]).toMatch(/^evaluated .*model-heldout\.json \(exploit-v1-heldout, trained before 2024-04\); the scoring model .* refitted on every record/);
    expect(tetrad(['model', 'eval', '--model', out, ...args, '--bootstrap', '0']).stdout).toMatch(/^warning: .* trained through 2024-05, test months included: these figures are in-sample/);
    expect(table.stdout).toMatch(/ROC-AUC .* PR-AUC/);
    expect(table.stdout).toMatch(/CVSS >= 7/);
    expect(table.stdout).toMatch(/expected cost at the Bayes threshold \(miss 20 : false alarm 1/);
    expect(tetrad(['model', 'eval', '--model', out, ...args, '--fn-cost', 'x']).status).toBe(2);
    expect(tetrad(['model', 'eval', '--model', out, ...args, '--budget', '2']).status).toBe(2);
    const budget = JSON.parse(tetrad(['model', 'eval', '--model', out, ...args, '--format', 'json', '--budget', '0.05']).stdout) as { records: number; costComparison: { label: string; flagged: number }[] };
    const row = budget.costComparison.find((c) => c.label.includes('alert budget'))!;
    expect(row.flagged).toBe(Math.round(0.05 * budget.records));
  });
});

describe.skipIf(!sharedDataAvailable())('the shipped model on the shared data (skipped without ../shared/data)', () => {
  it('model eval reproduces the metrics stored in the held-out artifact, which the scoring artifact carries', () => {
    const artifact = readArtifact(HELDOUT_MODEL_FILE);
    const final = readArtifact(SHIPPED_MODEL_FILE);
    expect(final.metrics).toEqual({ heldout: artifact.metrics });
    expect(final.training.trainedThrough).toBe('2024-05');
    const e = tetrad(['model', 'eval', '--format', 'json']);
    expect(e.status).toBe(0);
    const report = JSON.parse(e.stdout) as { artifact: string; inSample: boolean; model: { prAuc: number; rocAuc: number; ece: number } };
    expect(report.artifact).toBe(HELDOUT_MODEL_FILE);
    expect(report.inSample).toBe(false);
    const stored = artifact.metrics.test as { prAuc: number; rocAuc: number; ece: number };
    expect(report.model.prAuc).toBeCloseTo(stored.prAuc, 4);
    expect(report.model.rocAuc).toBeCloseTo(stored.rocAuc, 4);
    expect(report.model.ece).toBeCloseTo(stored.ece, 4);
  });
});

describe('the shipped artifacts', () => {
  it('are both under 1.5 MB', () => {
    for (const file of [SHIPPED_MODEL_FILE, HELDOUT_MODEL_FILE]) expect(statSync(file).size).toBeLessThan(1.5e6);
  });
});
