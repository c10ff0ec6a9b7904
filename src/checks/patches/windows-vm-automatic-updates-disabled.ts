import { getPath, isUnknown } from '../../model/index.js';
import { isExplicitlyFalse, readText, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TYPES = ['azurerm_windows_virtual_machine', 'azurerm_windows_virtual_machine_scale_set'];
/** azurerm 3.x and 4.x names of the same switch. */
const SWITCHES = ['enable_automatic_updates', 'automatic_updates_enabled'];
const LEGACY_SWITCH = 'os_profile_windows_config[0].enable_automatic_upgrades';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-025',
    title: 'Windows virtual machine has automatic updates turned off',
    pillar: 'patches',
    severity: 'medium',
    description:
      'With Windows automatic updates disabled (or `patch_mode = "Manual"`), the VM installs no security updates unless someone patches it by hand or through an external tool, so published Windows vulnerabilities stay open.',
    remediation: 'Leave automatic updates on and use `patch_mode = "AutomaticByPlatform"` (Azure orchestrated patching) or `AutomaticByOS`.',
    references: [
      'https://learn.microsoft.com/azure/virtual-machines/automatic-vm-guest-patching',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_virtual_machine#automatic_updates_enabled-1',
    ],
    compliance: { 'nist-800-53': ['SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [...TYPES, 'azurerm_virtual_machine'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of resourcesOf(ctx, TYPES, TERRAFORM_SOURCES)) {
      const off = SWITCHES.find((p) => isExplicitlyFalse(r, p));
      if (off) {
        out.push({ resource: r, attributePath: off, message: `${r.type} ${r.name} turns Windows automatic updates off`, evidence: `${off} = false` });
        continue;
      }
      const mode = readText(r, 'patch_mode');
      if (typeof mode === 'string' && !isUnknown(mode) && mode.toLowerCase() === 'manual') {
        out.push({ resource: r, attributePath: 'patch_mode', message: `${r.type} ${r.name} uses patch_mode "Manual"; no updates are installed automatically`, evidence: 'patch_mode = Manual' });
      }
    }
    for (const r of resourcesOf(ctx, ['azurerm_virtual_machine'], TERRAFORM_SOURCES)) {
      if (getPath(r.attributes, 'os_profile_windows_config[0]') === undefined || !isExplicitlyFalse(r, LEGACY_SWITCH)) continue;
      out.push({ resource: r, attributePath: LEGACY_SWITCH, message: `azurerm_virtual_machine ${r.name} turns Windows automatic upgrades off`, evidence: 'enable_automatic_upgrades = false' });
    }
    return out;
  },
});
