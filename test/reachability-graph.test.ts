import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/scan/scan.js';
import { addExposuresToGraph, computeAwsExposures } from '../src/graph/reachability/aws/index.js';
import { SecurityGraph } from '../src/graph/security-graph.js';

const CASES = fileURLToPath(new URL('./reachability/aws/', import.meta.url));

describe('reachability edges in the security graph', () => {
  it('adds internet → load balancer → instance edges with evidence, and nothing for blocked paths', async () => {
    const { resources } = await loadModel([`${CASES}lb-sg-to-sg-chain`]);
    const g = new SecurityGraph();
    const added = addExposuresToGraph(g, computeAwsExposures(resources));
    expect(added).toBe(2);
    const path = g.shortestPath('internet', (n) => n.id === 'aws_instance.app');
    expect(path?.map((e) => `${e.from}->${e.to}`)).toEqual(['internet->aws_lb.web', 'aws_lb.web->aws_instance.app']);
    expect(path![0]!.certainty).toBe('proven');
    expect(path![0]!.detail).toMatchObject({ protocol: 'tcp', fromPort: 443, toPort: 443 });
    expect(path![1]!.detail).toMatchObject({ fromPort: 8080 });
    expect(path![1]!.explanation).toContain('security-group aws_security_group.app');
    expect(path![1]!.evidence.some((l) => l.file.endsWith('main.tf'))).toBe(true);

    const blocked = new SecurityGraph();
    const { resources: r2 } = await loadModel([`${CASES}lb-target-sg-closed`]);
    addExposuresToGraph(blocked, computeAwsExposures(r2));
    expect(blocked.shortestPath('internet', (n) => n.id === 'aws_instance.app')).toBeUndefined();
    expect(blocked.node('aws_lb.web')?.kind).toBe('endpoint');
  });

  it('marks edges of unknown verdicts as unknown', async () => {
    const { resources } = await loadModel([`${CASES}unknown-public-ip`]);
    const g = new SecurityGraph();
    addExposuresToGraph(g, computeAwsExposures(resources));
    expect(g.outEdges('internet').map((e) => e.certainty)).toEqual(['unknown']);
  });
});
