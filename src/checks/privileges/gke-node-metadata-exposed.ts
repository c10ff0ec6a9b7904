import { asBool, asList, getPath, isUnknown, type Resource, type Unknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
/** modes that put the GKE metadata server in front of the node's metadata (`GKE_METADATA_SERVER` is the google-beta `node_metadata` spelling) */
const PROTECTED = new Set(['GKE_METADATA', 'GKE_METADATA_SERVER']);

/** Workload Identity on the cluster: its node pools then default to the GKE metadata server. */
function workloadIdentity(cluster: Resource): boolean | Unknown {
  for (const path of ['workload_identity_config[0].workload_pool', 'workload_identity_config[0].identity_namespace']) {
    const v = getPath(cluster.attributes, path);
    if (isUnknown(v)) return v;
    if (typeof v === 'string' && v.trim() !== '') return true;
  }
  return false;
}

/** The node config's metadata mode: `workload_metadata_config { mode }`, or the older `node_metadata` (google-beta). */
function modeOf(r: Resource, base: string): { path: string; value: unknown } | undefined {
  for (const path of [`${base}.workload_metadata_config[0].mode`, `${base}.workload_metadata_config[0].node_metadata`]) {
    const value = getPath(r.attributes, path);
    if (value !== undefined && value !== null) return { path, value };
  }
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-060',
    title: 'GKE nodes let pods read the node\'s metadata and service account token',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'Without the GKE metadata server (`workload_metadata_config { mode = "GKE_METADATA" }`, which Workload Identity turns on), every pod that is not on the host network can query the Compute Engine metadata server of its node: it obtains OAuth tokens of the node\'s service account and reads the instance attributes, including kube-env with the kubelet\'s bootstrap credentials. A compromised or malicious pod thereby acts with the node\'s Google Cloud identity and can impersonate the kubelet.',
    remediation:
      'Enable Workload Identity on the cluster (`workload_identity_config { workload_pool = "<project>.svc.id.goog" }`) and set `workload_metadata_config { mode = "GKE_METADATA" }` in every node config; give workloads their own Kubernetes service accounts bound to narrow Google service accounts.',
    references: [
      'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity',
      'https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#workload_metadata_config',
    ],
    compliance: { 'nist-800-53': ['AC-6', 'SC-4'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_container_cluster', 'google_container_node_pool'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const judge = (r: Resource, base: string, hasConfig: boolean, wi: boolean | Unknown | undefined) => {
      const mode = modeOf(r, base);
      const where = `${r.type} ${r.name}${base.startsWith('node_pool[') ? ` (${base.replace(/\.node_config\[0\]$/, '')})` : ''}`;
      if (mode) {
        if (isUnknown(mode.value)) out.push({ resource: r, key: base, attributePath: mode.path, verdict: 'unknown', message: `${where}: the node metadata mode is unresolved (${mode.value.toString()})` });
        else if (typeof mode.value === 'string' && !PROTECTED.has(mode.value.trim().toUpperCase()))
          out.push({ resource: r, key: base, attributePath: mode.path, message: `${where} exposes the node's metadata server to pods (mode ${mode.value.trim()})`, evidence: `workload_metadata_config.mode = ${mode.value.trim()}` });
        return;
      }
      const at = hasConfig ? base : undefined;
      if (wi === true) return;
      if (wi === undefined) out.push({ resource: r, key: base, attributePath: at, verdict: 'unknown', message: `${where} sets no node metadata mode and its cluster is not in the scan: the default depends on whether the cluster has Workload Identity` });
      else if (isUnknown(wi)) out.push({ resource: r, key: base, attributePath: at, verdict: 'unknown', message: `${where} sets no node metadata mode and whether its cluster has Workload Identity is unresolved (${wi.toString()})` });
      else out.push({ resource: r, key: base, attributePath: at, message: `${where} sets no node metadata mode and its cluster has no Workload Identity: pods reach the node's metadata server (GCE_METADATA)`, evidence: 'workload_metadata_config not set; workload_identity_config not set' });
    };
    for (const r of ctx.ofType('google_container_cluster')) {
      if (!TF.has(r.source) || asBool(getPath(r.attributes, 'enable_autopilot')) === true) continue;
      const wi = workloadIdentity(r);
      const pools = asList(getPath(r.attributes, 'node_pool'));
      // node_config describes the default node pool, which exists unless inline node pools replace it or it is removed
      if (pools.length === 0 && asBool(getPath(r.attributes, 'remove_default_node_pool')) !== true) judge(r, 'node_config[0]', getPath(r.attributes, 'node_config[0]') !== undefined, wi);
      pools.forEach((_, i) => judge(r, `node_pool[${i}].node_config[0]`, getPath(r.attributes, `node_pool[${i}].node_config[0]`) !== undefined, wi));
    }
    for (const r of ctx.ofType('google_container_node_pool')) {
      if (!TF.has(r.source)) continue;
      const cluster = ctx.referencedBy(r, 'cluster').find((c) => c.type === 'google_container_cluster');
      const wi = cluster ? (asBool(getPath(cluster.attributes, 'enable_autopilot')) === true ? true : workloadIdentity(cluster)) : undefined;
      judge(r, 'node_config[0]', getPath(r.attributes, 'node_config[0]') !== undefined, wi);
    }
    return out;
  },
});
