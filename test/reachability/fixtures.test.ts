/**
 * Topology fixtures for the Azure, GCP and Kubernetes reachability engines: each folder under
 * test/reachability/<engine>/<case>/ is loaded as a scan would load it, and `expected.yaml` lists
 * verdicts for (from, to, protocol, port): `verdict` exposed / not-exposed / unknown (with
 * `blockedBy` for a blocked one), or `allowed: false` for an east-west flow that must not exist.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load as yamlLoad } from 'js-yaml';
import { loadModel } from '../../src/scan/scan.js';
import { azureFlows } from '../../src/graph/reachability/azure/index.js';
import { gcpFlows } from '../../src/graph/reachability/gcp/index.js';
import { kubernetesFlows } from '../../src/graph/reachability/kubernetes/index.js';
import type { Flow } from '../../src/graph/reachability/common/flow.js';
import type { Resource } from '../../src/model/index.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const ENGINES: Record<string, (r: readonly Resource[]) => Flow[]> = { azure: azureFlows, gcp: gcpFlows, kubernetes: kubernetesFlows };

interface Expect {
  from: string;
  to: string;
  protocol?: string;
  port: number;
  verdict?: 'exposed' | 'not-exposed' | 'unknown';
  blockedBy?: string;
  allowed?: boolean;
  fromRanges?: string[];
  via?: string;
}

function covering(flows: Flow[], e: Expect): Flow[] {
  const proto = e.protocol ?? 'tcp';
  return flows.filter(
    (f) =>
      f.from === e.from &&
      (f.workloadId === e.to || f.endpointId === e.to) &&
      (e.via === undefined || f.endpointId === e.via) &&
      (f.protocol === proto || f.protocol === 'all') &&
      e.port >= f.ports.from &&
      e.port <= f.ports.to,
  );
}

for (const engine of Object.keys(ENGINES)) {
  const dir = join(ROOT, engine);
  const cases = readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
  describe(`reachability fixtures: ${engine}`, () => {
    for (const name of cases) {
      it(name, async () => {
        const caseDir = join(dir, name);
        const expected = yamlLoad(readFileSync(join(caseDir, 'expected.yaml'), 'utf8')) as { flows: Expect[] };
        const model = await loadModel([caseDir], { cwd: caseDir });
        expect(model.errors).toEqual([]);
        const flows = ENGINES[engine]!(model.resources);
        for (const e of expected.flows) {
          const hits = covering(flows, e);
          const label = `${e.from} -> ${e.to} ${e.protocol ?? 'tcp'}/${e.port}`;
          if (e.allowed === false) {
            expect(hits.filter((f) => f.verdict !== 'not-exposed'), label).toEqual([]);
            continue;
          }
          expect(hits.length, `${label}: no flow computed`).toBeGreaterThan(0);
          expect(hits.map((f) => f.verdict), label).toEqual(hits.map(() => e.verdict));
          if (e.blockedBy) expect(hits.map((f) => f.blockedBy), label).toEqual(hits.map(() => e.blockedBy));
          if (e.verdict === 'unknown') for (const f of hits) expect(f.unknowns?.length, `${label}: unknown without reasons`).toBeGreaterThan(0);
          if (e.verdict === 'not-exposed') for (const f of hits) expect(f.path.at(-1)!.rules.length + (f.path.at(-1)!.note ? 1 : 0), `${label}: blocking hop names nothing`).toBeGreaterThan(0);
          if (e.fromRanges) expect(hits.map((f) => f.fromRanges), label).toEqual(hits.map(() => e.fromRanges));
        }
      });
    }
  });
}
