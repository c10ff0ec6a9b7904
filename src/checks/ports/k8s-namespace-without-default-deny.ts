import { asString, getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { buildK8sModel } from '../../graph/reachability/kubernetes/index.js';
import { SYSTEM_NAMESPACES, isUnknownNamespace } from '../../graph/reachability/kubernetes/model.js';
import { fromView, kubernetesResources } from '../_lib/k8s-terraform.js';
import { matchSelector, type Tri } from '../../graph/reachability/kubernetes/selectors.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-035',
    title: 'Kubernetes namespace without a default-deny ingress NetworkPolicy',
    pillar: 'ports',
    severity: 'medium',
    description:
      'A pod admits traffic from every pod of the cluster, and from outside it, until a NetworkPolicy selecting it has the Ingress policy type. A namespace where no policy selects every pod for ingress (podSelector {} with Ingress among its policyTypes) leaves new workloads open by default: zero-trust segmentation starts from a default deny and admits the flows that are intended. System namespaces (kube-system, kube-public, kube-node-lease) are left out.',
    remediation:
      'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` (no ingress rules) to the namespace, then one policy per intended flow.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic'],
    compliance: { 'cis-kubernetes': ['5.3.2'], 'nist-800-53': ['SC-7', 'AC-4'] },
    sources: ['kubernetes', 'terraform', 'terraform-plan'],
    resourceTypes: ['Namespace', 'NetworkPolicy', 'kubernetes_namespace', 'kubernetes_namespace_v1', 'kubernetes_network_policy', 'kubernetes_network_policy_v1'],
  },
  run(ctx) {
    // manifests and Terraform kubernetes provider views (memoised per scan), not a 100k-resource plan to filter
    const model = buildK8sModel(kubernetesResources(ctx));
    const out: FindingDraft[] = [];
    for (const ns of model.namespaces.values()) {
      if (SYSTEM_NAMESPACES.has(ns.name)) continue;
      // a namespace whose name Terraform cannot resolve is judged only when it is declared (the anchor)
      if (isUnknownNamespace(ns.name) && !ns.resource) continue;
      const verdicts: Tri[] = model.policies
        .filter((p) => p.namespace === ns.name || isUnknownNamespace(p.namespace) || isUnknownNamespace(ns.name))
        .map((p) => {
          // a policy isolates every pod when its selector is empty (selects any labels) and it has the Ingress type
          const all = p.podSelector === undefined ? 'unknown' : selectsEverything(p.podSelector);
          const type: Tri = p.ingress === 'unknown' ? 'unknown' : p.ingress ? 'yes' : 'no';
          const v: Tri = all === 'no' || type === 'no' ? 'no' : all === 'yes' && type === 'yes' ? 'yes' : 'unknown';
          // a policy in a namespace we cannot name may or may not be this namespace's
          return (p.namespace !== ns.name || isUnknownNamespace(ns.name)) && v === 'yes' ? 'unknown' : v;
        });
      if (verdicts.includes('yes')) continue;
      const anchor: Resource | undefined = ns.resource ?? model.pods.find((p) => p.namespace === ns.name)?.workload ?? model.policies.find((p) => p.namespace === ns.name)?.resource;
      if (!anchor) continue;
      const unknown = verdicts.includes('unknown');
      const pods = model.pods.filter((p) => p.namespace === ns.name).length;
      out.push(fromView({
        resource: anchor,
        key: `namespace:${ns.name}`,
        verdict: unknown ? 'unknown' : 'fail',
        message: `Namespace ${ns.name} has ${unknown ? 'no policy known to isolate' : 'no NetworkPolicy isolating'} every pod for ingress (default deny)${pods ? `; its ${pods} workload${pods === 1 ? '' : 's'} admit${pods === 1 ? 's' : ''} traffic from anywhere no other policy restricts` : ''}`,
        evidence: `NetworkPolicies in ${ns.name}: ${model.policies.filter((p) => p.namespace === ns.name).map((p) => asString(getPath(p.resource.attributes, 'metadata.name')) ?? p.resource.id).join(', ') || 'none'}`,
      }));
    }
    return out;
  },
});

/** Whether a pod selector matches every possible label set. */
function selectsEverything(sel: unknown): Tri {
  if (isUnknown(sel)) return 'unknown';
  const r = matchSelector(sel as never, { map: new Map(), open: false });
  if (r !== 'yes') return r === 'no' ? 'no' : 'unknown';
  // matches an empty label set; any requirement that does (NotIn, DoesNotExist) still excludes some pods
  const s = sel as { matchLabels?: unknown; matchExpressions?: unknown[] };
  const hasExpr = Array.isArray(s.matchExpressions) && s.matchExpressions.length > 0;
  const hasLabels = s.matchLabels !== null && typeof s.matchLabels === 'object' && Object.keys(s.matchLabels as object).length > 0;
  return hasExpr || hasLabels ? 'no' : 'yes';
}
