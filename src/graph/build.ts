/**
 * Builds the security graph of a scan from every engine, so attack paths can be walked across
 * layers: internet → endpoint → workload (reachability: AWS, Azure, GCP, Kubernetes), workload →
 * identity (instance profiles, IRSA, Pod Identity, service accounts, Lambda roles), container →
 * node (escapes, stronger on a vulnerable runtime), identity → identity → admin (IAM escalation and
 * Kubernetes RBAC).
 */
import type { Finding, Resource } from '../model/index.js';
import { terraformKubernetesView } from '../checks/_lib/k8s-terraform.js';
import { buildIamAccount, targetsOf } from './iam/account.js';
import { collectFacts } from './iam/escalation/facts.js';
import { buildEscalationGraph } from './iam/escalation/graph.js';
import { K8S_NODE, containerEscapeEdges, type EscapeOptions } from './container-escape.js';
import { analyseRbac, K8S_ADMIN } from './kubernetes-rbac/escalation.js';
import { buildRbacModel, subjectLabel } from './kubernetes-rbac/model.js';
import { computeAwsExposures } from './reachability/aws/evaluate.js';
import { computeAwsEastWestExposures } from './reachability/aws/east-west.js';
import { azureFlows } from './reachability/azure/index.js';
import { addFlowsToGraph } from './reachability/common/graph.js';
import { gcpFlows } from './reachability/gcp/index.js';
import { addExposuresToGraph, INTERNET_NODE } from './reachability/graph.js';
import { kubernetesFlows } from './reachability/kubernetes/index.js';
import { SecurityGraph, type SecurityEdge, type SecurityNode } from './security-graph.js';
import { workloadIdentityEdges } from './workload-identity.js';

export interface GraphBuild {
  graph: SecurityGraph;
  /** engines that failed on this input, with their message; the others still contribute */
  problems: string[];
}

function addAll(graph: SecurityGraph, part: { nodes: SecurityNode[]; edges: SecurityEdge[] }): void {
  for (const n of part.nodes) graph.addNode(n);
  for (const e of part.edges) {
    for (const end of [e.from, e.to]) if (!graph.node(end)) graph.addNode({ id: end, kind: 'principal', label: end });
    graph.addEdge(e);
  }
}

/** What the patches pillar knows about a vulnerable container runtime, from the scan's findings. */
export function vulnerableRuntime(findings: readonly Finding[]): EscapeOptions['vulnerableRuntime'] {
  const hits = findings.filter((f) => !f.suppressed && (f.checkId === 'TET-PATCH-045' || /(^|\/)runc$/.test(f.vulnerability?.package.name ?? '')));
  if (!hits.length) return undefined;
  const ids = [...new Set(hits.flatMap((f) => f.vulnerability?.ids.filter((i) => i.startsWith('CVE-')) ?? (f.checkId === 'TET-PATCH-045' ? ['CVE-2019-5736'] : [])))];
  return { reason: `runtime vulnerable to ${ids.join(', ') || 'a container escape'}`, evidence: hits.map((f) => f.location) };
}

export function buildSecurityGraph(resources: readonly Resource[], findings: readonly Finding[] = []): GraphBuild {
  const graph = new SecurityGraph();
  const problems: string[] = [];
  const attempt = (engine: string, run: () => void) => {
    try {
      run();
    } catch (err) {
      problems.push(`${engine}: ${(err as Error).message}`);
    }
  };
  const k8s = resources.map((r) => terraformKubernetesView(r) ?? r);
  attempt('aws reachability', () => addExposuresToGraph(graph, computeAwsExposures(resources)));
  // VPC → workload across peering, transit gateways and NAT gateways
  attempt('aws east-west reachability', () => addFlowsToGraph(graph, computeAwsEastWestExposures(resources).map((e) => ({ ...e, fromZone: `aws:${e.from}`, toZone: e.endpointId }))));
  attempt('azure/gcp/kubernetes reachability', () => addFlowsToGraph(graph, [...azureFlows(resources), ...gcpFlows(resources), ...kubernetesFlows(k8s)]));
  const account = buildIamAccount(resources);
  attempt('iam escalation', () => {
    const esc = buildEscalationGraph(account, collectFacts(resources, account));
    addAll(graph, { nodes: esc.graph.nodes(), edges: esc.graph.edges() });
  });
  const rbac = buildRbacModel(k8s);
  attempt('kubernetes rbac', () => {
    const analysis = analyseRbac(rbac);
    const nodes: SecurityNode[] = [...analysis.subjects].map(([id, s]) => ({ id, kind: 'principal', label: subjectLabel(s) }));
    if (analysis.edges.some((e) => e.to === K8S_ADMIN)) nodes.push({ id: K8S_ADMIN, kind: 'admin', label: 'cluster-admin of the Kubernetes cluster' });
    addAll(graph, {
      nodes,
      edges: analysis.edges.map((e) => ({ from: e.from, to: e.to, kind: 'can-become', explanation: e.explanation, detail: { technique: e.technique }, evidence: e.grants.map((g) => g.binding.location), certainty: e.certainty })),
    });
  });
  attempt('workload identity', () => addAll(graph, workloadIdentityEdges(k8s, account, rbac)));
  attempt('container escape', () => {
    const escape = containerEscapeEdges(k8s, rbac, { vulnerableRuntime: vulnerableRuntime(findings) });
    addAll(graph, escape);
    // the node's own cloud identity: an EKS node group's role
    if (escape.edges.length) {
      for (const r of resources) {
        if (r.type !== 'aws_eks_node_group') continue;
        const target = targetsOf(r.attributes.node_role_arn)[0];
        const role = target ? account.findPrincipal(target, 'role') : undefined;
        if (!role) continue;
        addAll(graph, {
          nodes: [{ id: role.id, kind: 'principal', label: `role ${role.name}`, resourceId: role.resource.id }],
          edges: [{ from: K8S_NODE, to: role.id, kind: 'runs-as', explanation: `nodes of ${r.id} hold the credentials of role ${role.name} on their metadata service`, evidence: [r.location], certainty: 'unknown' }],
        });
      }
    }
  });
  return { graph, problems };
}

export interface AttackPath {
  target: SecurityNode;
  edges: SecurityEdge[];
  certainty: 'proven' | 'unknown';
}

/** The shortest path from the internet to every admin node, and to every identity an exposed workload holds. */
export function attackPaths(graph: SecurityGraph): AttackPath[] {
  if (!graph.node(INTERNET_NODE)) return [];
  const out: AttackPath[] = [];
  const seen = new Set<string>();
  const admins = graph.nodes().filter((n) => n.kind === 'admin');
  for (const admin of admins) {
    const path = graph.shortestPath(INTERNET_NODE, (n) => n.id === admin.id);
    if (path) {
      out.push({ target: admin, edges: path, certainty: path.every((e) => e.certainty === 'proven') ? 'proven' : 'unknown' });
      seen.add(admin.id);
    }
  }
  for (const p of graph.nodes().filter((n) => n.kind === 'principal')) {
    const path = graph.shortestPath(INTERNET_NODE, (n) => n.id === p.id);
    if (!path || path.some((e) => seen.has(e.to) && e.to !== p.id)) continue;
    out.push({ target: p, edges: path, certainty: path.every((e) => e.certainty === 'proven') ? 'proven' : 'unknown' });
  }
  return out.sort((a, b) => Number(b.target.kind === 'admin') - Number(a.target.kind === 'admin') || Number(a.certainty !== 'proven') - Number(b.certainty !== 'proven') || a.edges.length - b.edges.length);
}
