import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/scan/scan.js';
import { allFlows, auditIntent, buildMatrix, describePortSet, renderMatrix } from '../../src/graph/reachability/matrix/index.js';
import { parseIntentText, type IntentRule } from '../../src/config/intent.js';
import { tetrad } from '../support/cli.js';

const K8S = fileURLToPath(new URL('./kubernetes/default-deny', import.meta.url));
const GCP = fileURLToPath(new URL('./gcp/target-tags-mismatch', import.meta.url));

function intents(...texts: string[]): IntentRule[] {
  return texts.map((t, i) => ({ ...(parseIntentText(t) as Exclude<ReturnType<typeof parseIntentText>, string>), file: '.tetrad.yaml', line: i + 2 }));
}

describe('segmentation matrix', () => {
  it('aggregates every engine\'s allowed flows by zone', async () => {
    const { resources } = await loadModel([K8S, GCP], { cwd: K8S });
    const { flows, errors } = allFlows(resources);
    expect(errors).toEqual([]);
    const cells = buildMatrix(flows);
    const cell = (from: string, to: string) => cells.find((c) => c.fromZone === from && c.toZone === to);
    expect(describePortSet(cell('internet', 'k8s:shop')!.exposed)).toBe('tcp 8080');
    expect(describePortSet(cell('internet', 'gcp:prod#web')!.exposed)).toBe('tcp 80,443');
    expect(describePortSet(cell('k8s:shop', 'k8s:shop')!.exposed)).toBe('tcp 5432,8080');
    expect(cells[0]!.fromZone).toBe('internet');
    const text = renderMatrix(cells);
    expect(text.split('\n')[0]).toMatch(/^FROM\s+TO\s+ALLOWED\s+UNKNOWN$/);
  });

  it('takes AWS exposures in through the same interface, zoned by subnet', async () => {
    const dirs = ['./aws/public-instance-ssh', './aws/asg-behind-alb'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
    const { resources } = await loadModel(dirs, { cwd: dirs[0]! });
    const { flows, errors } = allFlows(resources);
    expect(errors).toEqual([]);
    const aws = flows.filter((f) => f.toZone.startsWith('aws:'));
    expect(aws.length).toBeGreaterThan(0);
    expect(aws.some((f) => f.verdict === 'exposed' && f.fromZone === 'internet' && f.toZone !== 'aws:(unknown subnet)')).toBe(true);
    const cells = buildMatrix(flows).filter((c) => c.toZone.startsWith('aws:'));
    expect(cells.some((c) => c.fromZone === 'internet' && describePortSet(c.exposed) !== '-')).toBe(true);
  });

  it('reports the allowed flows outside the intent, port by port', async () => {
    const { resources } = await loadModel([K8S], { cwd: K8S });
    const { flows } = allFlows(resources);
    expect(auditIntent(flows, intents('internet -> web:8080', 'web -> db:5432', 'db -> web:8080'))).toEqual([]);
    const left = auditIntent(flows, intents('internet -> web:8080', 'web -> db:5432'));
    expect(left.map((v) => [v.flow.from, v.flow.workloadId, v.flow.protocol, v.ports])).toEqual([['Deployment/shop/db', 'Deployment/shop/web', 'tcp', [{ from: 8080, to: 8080 }]]]);
    // zones and globs name ends too; a udp intent does not cover tcp
    expect(auditIntent(flows, intents('internet -> k8s:shop:8080', 'k8s:shop -> k8s:shop'))).toEqual([]);
    expect(auditIntent(flows, intents('* -> *:*/udp')).length).toBe(3);
    expect(renderMatrix(buildMatrix(flows), left)).toMatch(/k8s:shop\s+k8s:shop\s+tcp 5432,8080\s+-\s+NOT INTENDED/);
  });
});

describe('tetrad network matrix', () => {
  it('prints the matrix, the flows outside the intent, and exits 1 for them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-matrix-'));
    try {
      cpSync(K8S, dir, { recursive: true });
      writeFileSync(join(dir, '.tetrad.yaml'), 'intent:\n  - internet -> web:8080\n  - web -> db:5432\n');
      const r = tetrad(['network', 'matrix', '.'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^FROM\s+TO\s+ALLOWED\s+UNKNOWN\s+INTENT$/m);
      expect(r.stdout).toMatch(/^internet\s+k8s:shop\s+tcp 8080\s+-\s+ok$/m);
      expect(r.stdout).toContain('1 allowed flow outside the intent:\n  Deployment/shop/db -> Deployment/shop/web tcp 8080\n');
      expect(r.status).toBe(1);
      writeFileSync(join(dir, '.tetrad.yaml'), 'intent:\n  - internet -> web:8080\n  - web -> db:5432\n  - db -> web:http\n');
      const bad = tetrad(['network', 'matrix', '.'], { cwd: dir });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/\.tetrad\.yaml:4: invalid configuration at intent\.2/);
      writeFileSync(join(dir, '.tetrad.yaml'), 'intent:\n  - internet -> web:8080\n  - web -> db:5432\n  - db -> web:8080/tcp\n');
      const json = tetrad(['network', 'matrix', '.', '--format', 'json'], { cwd: dir });
      expect(json.status).toBe(0);
      const out = JSON.parse(json.stdout) as { matrix: Array<{ from: string; to: string; allowed: unknown }>; violations: unknown[] };
      expect(out.violations).toEqual([]);
      expect(out.matrix).toContainEqual({ from: 'internet', to: 'k8s:shop', allowed: { tcp: [{ from: 8080, to: 8080 }] }, unknown: {}, flows: 1 });
      expect(tetrad(['network', 'matrix', 'missing-folder'], { cwd: dir }).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
