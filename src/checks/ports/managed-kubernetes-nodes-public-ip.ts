import { asBool, asList, getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

export default defineCheck({
  meta: {
    id: 'TET-PORTS-058',
    title: 'GKE or AKS nodes get public IP addresses',
    pillar: 'ports',
    severity: 'medium',
    description:
      'Unless private nodes are enabled, every GKE node gets an external IP address (AKS nodes do when a node pool sets `node_public_ip_enabled`): the kubelet, NodePort services and anything a pod binds on the host network are one firewall rule away from the internet, and the nodes reach the internet directly instead of through a NAT gateway. Private nodes have internal addresses only.',
    remediation:
      'Set `private_cluster_config { enable_private_nodes = true }` on the cluster (with `master_ipv4_cidr_block` or Private Service Connect) and give the nodes outbound access through Cloud NAT; do not switch it off per node pool with `network_config { enable_private_nodes = false }`. On AKS, remove `node_public_ip_enabled` / `enable_node_public_ip` (default false) and publish workloads through a load balancer or ingress.',
    references: [
      'https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_private_nodes',
      'https://learn.microsoft.com/en-us/azure/aks/use-node-public-ips',
    ],
    compliance: { 'nist-800-53': ['SC-7', 'AC-4'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_container_cluster', 'google_container_node_pool', 'azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    /** a node pool that turns private nodes off explicitly (network_config overrides the cluster setting) */
    const poolOverride = (r: Resource, base: string) => {
      const path = `${base}network_config[0].enable_private_nodes`;
      const v = asBool(getPath(r.attributes, path));
      if (isUnknown(v)) out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` });
      else if (v === false) out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} gives its nodes public IP addresses (network_config.enable_private_nodes = false)`, evidence: 'enable_private_nodes = false' });
    };
    for (const r of ctx.ofType('google_container_cluster')) {
      if (!TF.has(r.source)) continue;
      const path = 'private_cluster_config[0].enable_private_nodes';
      const raw = getPath(r.attributes, path);
      const v = asBool(raw);
      if (isUnknown(v)) out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: whether its nodes are private is unresolved (${v.toString()})` });
      else if (v === false) out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} gives its nodes public IP addresses (enable_private_nodes = false)`, evidence: 'private_cluster_config.enable_private_nodes = false' });
      else if (v === undefined && asBool(getPath(r.attributes, 'remove_default_node_pool')) !== true) {
        // absent: nodes are public by default; with the default pool removed, the separate node pools decide
        const block = getPath(r.attributes, 'private_cluster_config[0]') !== undefined ? 'private_cluster_config[0]' : undefined;
        out.push({ resource: r, key: path, attributePath: block, message: `${r.type} ${r.name} does not enable private nodes: its nodes get public IP addresses`, evidence: 'private_cluster_config.enable_private_nodes not set (defaults to false)' });
      }
      asList(getPath(r.attributes, 'node_pool')).forEach((_, i) => poolOverride(r, `node_pool[${i}].`));
    }
    for (const r of ctx.ofType('google_container_node_pool')) if (TF.has(r.source)) poolOverride(r, '');
    // AKS: public node IPs are off unless a node pool asks for them (azurerm 4.x renamed enable_node_public_ip)
    const aks = (r: Resource, base: string) => {
      for (const field of ['node_public_ip_enabled', 'enable_node_public_ip']) {
        const path = `${base}${field}`;
        const v = asBool(getPath(r.attributes, path));
        if (isUnknown(v)) out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` });
        else if (v === true) out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} gives its nodes public IP addresses (${field} = true)`, evidence: `${field} = true` });
      }
    };
    for (const r of ctx.ofType('azurerm_kubernetes_cluster')) if (TF.has(r.source)) aks(r, 'default_node_pool[0].');
    for (const r of ctx.ofType('azurerm_kubernetes_cluster_node_pool')) if (TF.has(r.source)) aks(r, '');
    return out;
  },
});
