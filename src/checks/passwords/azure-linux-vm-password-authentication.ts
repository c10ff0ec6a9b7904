import { asBool, isUnknown } from '../../model/index.js';
import { expandAttribute } from '../_lib/password-attributes.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Where each VM type says whether SSH password logins are allowed; `defaultDisabled`: the provider default is to disable them. */
const SPECS: Array<{ types: string[]; path: string; defaultDisabled: boolean }> = [
  { types: ['azurerm_linux_virtual_machine', 'azurerm_linux_virtual_machine_scale_set'], path: 'disable_password_authentication', defaultDisabled: true },
  { types: ['azurerm_virtual_machine', 'azurerm_virtual_machine_scale_set'], path: 'os_profile_linux_config[*].disable_password_authentication', defaultDisabled: false },
  { types: ['azurerm_orchestrated_virtual_machine_scale_set'], path: 'os_profile[*].linux_configuration[*].disable_password_authentication', defaultDisabled: true },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-009',
    title: 'Azure Linux VM allows SSH password authentication',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The Linux virtual machine or scale set is created with `disable_password_authentication = false`, so its SSH daemon accepts passwords. Internet-facing SSH endpoints receive password-guessing attempts within minutes of coming up; SSH keys cannot be guessed and are not reused across sites.',
    remediation: 'Set `disable_password_authentication = true` and provide `admin_ssh_key` blocks (or use Microsoft Entra ID login for Linux VMs).',
    references: [
      'https://learn.microsoft.com/en-us/azure/virtual-machines/linux/create-ssh-keys-detailed',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine#disable_password_authentication',
    ],
    compliance: { 'nist-800-53': ['IA-2', 'IA-5(1)'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: SPECS.flatMap((s) => s.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const spec of SPECS) {
      for (const r of ctx.ofType(...spec.types)) {
        if (r.source !== 'terraform' && r.source !== 'terraform-plan') continue;
        for (const m of expandAttribute(r.attributes, spec.path)) {
          const v = asBool(m.value);
          if (v === false) out.push({ resource: r, attributePath: m.path, key: m.path, message: `${r.type} ${r.name} accepts SSH password logins`, evidence: 'disable_password_authentication = false' });
          else if (isUnknown(v)) out.push({ resource: r, attributePath: m.path, key: m.path, verdict: 'unknown', message: `${r.type} ${r.name}: whether SSH password logins are disabled is unresolved (${v.toString()})` });
        }
      }
    }
    return out;
  },
});
