import { asBool, getPath, isUnknown } from '../../model/index.js';
import { expandPath } from '../_lib/setting-values.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/**
 * Where each resource type switches IP forwarding on. Every one defaults to off, so only an
 * explicit `true` is reported. azurerm 4.x renamed `enable_ip_forwarding` to `ip_forwarding_enabled`.
 */
const SPECS: Array<{ types: string[]; paths: string[] }> = [
  { types: ['google_compute_instance', 'google_compute_instance_template', 'google_compute_region_instance_template'], paths: ['can_ip_forward'] },
  { types: ['azurerm_network_interface'], paths: ['enable_ip_forwarding', 'ip_forwarding_enabled'] },
  {
    types: ['azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set'],
    paths: ['network_interface[*].enable_ip_forwarding', 'network_interface[*].ip_forwarding_enabled'],
  },
  { types: ['azurerm_orchestrated_virtual_machine_scale_set'], paths: ['network_interface[*].enable_ip_forwarding', 'network_interface[*].ip_forwarding_enabled'] },
];

export default defineCheck({
  meta: {
    id: 'TET-PORTS-057',
    title: 'VM or network interface forwards packets for other addresses (IP forwarding)',
    pillar: 'ports',
    severity: 'medium',
    description:
      'With IP forwarding on, the cloud network stops dropping packets whose source or destination is not the VM\'s own address: the VM can route traffic between subnets and peers that its firewall rules and route tables were meant to keep apart, and a compromised VM can send spoofed traffic or sit in the middle of other hosts\' connections. Only network appliances (NAT, firewalls, VPN gateways) need it.',
    remediation:
      'Remove `can_ip_forward` (GCP) or `enable_ip_forwarding` / `ip_forwarding_enabled` (Azure) unless the VM is a reviewed network appliance; enforce the `compute.vmCanIpForward` organization policy or the Azure policy "Network interfaces should disable IP forwarding".',
    references: [
      'https://cloud.google.com/vpc/docs/using-routes#canipforward',
      'https://learn.microsoft.com/en-us/azure/virtual-network/virtual-network-network-interface#enable-or-disable-ip-forwarding',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#can_ip_forward',
    ],
    compliance: { 'cis-gcp': ['4.6'], 'nist-800-53': ['SC-7', 'AC-4'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: SPECS.flatMap((s) => s.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const spec of SPECS) {
      for (const r of ctx.ofType(...spec.types)) {
        for (const path of spec.paths.flatMap((p) => expandPath(r, p))) {
          const v = asBool(getPath(r.attributes, path));
          if (isUnknown(v)) out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` });
          else if (v === true) out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} forwards packets that are not addressed to it (${path.replace(/^.*\./, '')} = true)`, evidence: `${path} = true` });
        }
      }
    }
    return out;
  },
});
