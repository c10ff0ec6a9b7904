import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/scan/scan.js';
import { SecurityGraph } from '../../src/graph/security-graph.js';
import { addFlowsToGraph } from '../../src/graph/reachability/common/graph.js';
import { kubernetesFlows } from '../../src/graph/reachability/kubernetes/index.js';
import { azureFlows } from '../../src/graph/reachability/azure/index.js';

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('reachability edges in the security graph', () => {
  it('links internet → ingress → service → pod, and pod → pod, with certainty and evidence', async () => {
    const { resources } = await loadModel([dir('./kubernetes/unknown-labels'), dir('./kubernetes/default-deny')], { cwd: dir('.') });
    const g = new SecurityGraph();
    addFlowsToGraph(g, kubernetesFlows(resources));
    const path = g.shortestPath('internet', (n) => n.id === 'Pod/shop/api');
    expect(path?.map((e) => e.to)).toEqual(['Ingress/shop/api', 'Service/shop/api', 'Pod/shop/api']);
    expect(path?.map((e) => e.certainty)).toEqual(['unknown', 'unknown', 'unknown']);
    const web = g.shortestPath('internet', (n) => n.id === 'Deployment/shop/web')!;
    expect(web.map((e) => [e.to, e.certainty, e.detail?.ports])).toEqual([
      ['Service/shop/web', 'proven', 'tcp/8080'],
      ['Deployment/shop/web', 'proven', 'tcp/8080'],
    ]);
    expect(web[1]!.evidence.length).toBeGreaterThan(0);
    // the db is not reachable from the internet (policy), only from web inside the namespace
    expect(g.outEdges('internet').some((e) => e.to === 'Service/shop/db')).toBe(false);
    expect(g.shortestPath('internet', (n) => n.id === 'Deployment/shop/db')?.map((e) => e.to)).toEqual(['Service/shop/web', 'Deployment/shop/web', 'Deployment/shop/db']);
    expect(g.node('Deployment/shop/db')?.kind).toBe('workload');
  });

  it('links internet → VM for Azure, nothing for a blocked VM', async () => {
    const { resources } = await loadModel([dir('./azure/nic-allows-subnet-denies'), dir('./azure/no-public-ip')], { cwd: dir('.') });
    const g = new SecurityGraph();
    addFlowsToGraph(g, azureFlows(resources));
    expect(g.outEdges('internet').map((e) => [e.to, e.detail?.ports, e.certainty])).toEqual([['azurerm_linux_virtual_machine.web', 'tcp/443', 'proven']]);
  });
});
