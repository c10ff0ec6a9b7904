import { describe, expect, it } from 'vitest';
import { SecurityGraph, type SecurityEdge } from '../src/graph/security-graph.js';

const edge = (from: string, to: string, kind: SecurityEdge['kind'] = 'reaches'): SecurityEdge => ({
  from,
  to,
  kind,
  explanation: `${from} → ${to}`,
  evidence: [],
  certainty: 'proven',
});

describe('security graph', () => {
  it('finds the shortest path to a target kind and ignores edges it is told not to follow', () => {
    const g = new SecurityGraph();
    g.addNode({ id: 'internet', kind: 'internet', label: 'internet' });
    for (const id of ['lb', 'web', 'role']) g.addNode({ id, kind: 'workload', label: id });
    g.addNode({ id: 'admin:aws', kind: 'admin', label: 'admin' });
    g.addEdge(edge('internet', 'lb'));
    g.addEdge(edge('lb', 'web'));
    g.addEdge(edge('web', 'role', 'runs-as'));
    g.addEdge(edge('role', 'admin:aws', 'can-become'));
    g.addEdge(edge('internet', 'web'));
    const path = g.shortestPath('internet', (n) => n.kind === 'admin');
    expect(path?.map((e) => e.to)).toEqual(['web', 'role', 'admin:aws']);
    expect(g.shortestPath('internet', (n) => n.kind === 'admin', (e) => e.kind !== 'runs-as')).toBeUndefined();
  });

  it('refuses an edge to a node it has not been given', () => {
    const g = new SecurityGraph();
    g.addNode({ id: 'a', kind: 'workload', label: 'a' });
    expect(() => g.addEdge(edge('a', 'b'))).toThrow(/unknown node b/);
  });
});
