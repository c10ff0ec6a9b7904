import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { attackPaths, buildSecurityGraph } from '../src/graph/build.js';
import { containerEscapeEdges, K8S_NODE } from '../src/graph/container-escape.js';
import { buildRbacModel } from '../src/graph/kubernetes-rbac/model.js';
import { tetrad } from './support/cli.js';

const fixtures = join(import.meta.dirname, 'graph-fixtures');
const result = await scan([fixtures], { selection: { only: ['none-such-check'] } });
const { graph, problems } = buildSecurityGraph(result.resources);
const edge = (from: string, to: string) => graph.edges().find((e) => e.from === from && e.to === to);

describe('workload → identity edges', () => {
  it('follows IRSA, Pod Identity, Lambda roles and GCE service accounts', () => {
    expect(problems).toEqual([]);
    expect(edge('Deployment/shop/orders', 'k8s:sa:shop/orders')?.kind).toBe('runs-as');
    expect(edge('k8s:sa:shop/orders', 'aws_iam_role.irsa')?.explanation).toContain('EKS IAM roles for service accounts');
    expect(edge('k8s:sa:shop/reports', 'aws:arn:aws:iam::111122223333:role/not-in-these-files')).toBeDefined();
    expect(edge('k8s:sa:billing/biller', 'aws_iam_role.pod_identity')?.explanation).toContain('EKS Pod Identity');
    expect(edge('aws_lambda_function.fn', 'aws_iam_role.fn')).toBeDefined();
    expect(edge('google_compute_instance.worker', 'google_service_account.worker')).toBeDefined();
  });

  it('does not give a workload the token it does not mount', () => {
    expect(edge('Deployment/shop/batch', 'k8s:sa:shop/reports')).toBeUndefined();
  });
});

describe('container → node escape edges', () => {
  it('treats a runtime socket mount as an escape, and a read-only log mount as none', () => {
    expect(edge('DaemonSet/logging/log-shipper', K8S_NODE)?.explanation).toContain('mounts the host\'s /var/run/docker.sock');
    expect(edge('Pod/shop/readonly-logs', K8S_NODE)).toBeUndefined();
    // from the node, a DaemonSet's account is on every node: proven; other pods only maybe
    expect(edge(K8S_NODE, 'k8s:sa:logging/shipper')?.certainty).toBe('proven');
    expect(edge(K8S_NODE, 'k8s:sa:shop/orders')?.certainty).toBe('unknown');
  });

  it('lets a root container escape only when the node runtime is known vulnerable', () => {
    const rbac = buildRbacModel(result.resources);
    expect(containerEscapeEdges(result.resources, rbac).edges.some((e) => e.from === 'Pod/shop/root-app')).toBe(false);
    const vulnerable = containerEscapeEdges(result.resources, rbac, { vulnerableRuntime: { reason: 'runc 1.0.0-rc5 (CVE-2019-5736)', evidence: [] } });
    const rootEdge = vulnerable.edges.find((e) => e.from === 'Pod/shop/root-app');
    expect(rootEdge?.explanation).toContain('runs as root on a node whose runtime is vulnerable (runc 1.0.0-rc5 (CVE-2019-5736))');
    // non-root containers stay put
    expect(vulnerable.edges.some((e) => e.from === 'Deployment/shop/orders' && e.to === K8S_NODE)).toBe(false);
  });
});

describe('attack paths on the example estate', () => {
  it('walks internet → bastion → its role → AWS admin, and internet → storefront → cluster-admin', async () => {
    const example = await scan([join(import.meta.dirname, '..', 'examples', 'hybrid-estate')]);
    const paths = attackPaths(buildSecurityGraph(example.resources, example.findings).graph);
    const aws = paths.find((p) => p.target.kind === 'admin' && p.target.id.startsWith('admin:aws'));
    expect(aws?.edges.map((e) => e.kind)).toEqual(['reaches', 'runs-as', 'can-become']);
    expect(aws?.certainty).toBe('proven');
    const k8s = paths.find((p) => p.target.id === 'admin:kubernetes');
    expect(k8s?.edges.at(-1)?.explanation).toContain('ServiceAccount shop/default holds every permission cluster-wide');
  });

  it('prints the paths and exits 1 for a proven path to an administrator', () => {
    const out = tetrad(['graph', 'paths', 'examples/hybrid-estate']);
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/^ADMIN internet → administrator of AWS account/m);
    expect(tetrad(['graph', 'paths', 'examples/hardened-estate']).status).toBe(0);
  });
});
