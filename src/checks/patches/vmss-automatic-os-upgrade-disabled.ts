import { asBool, getPath, isUnknown, type Resource } from '../../model/index.js';
import { resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TYPES = ['azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set'];
const POLICY = 'automatic_os_upgrade_policy[0]';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-061',
    title: 'Virtual machine scale set does not upgrade its OS image automatically',
    pillar: 'patches',
    severity: 'low',
    description:
      'Without automatic OS image upgrades a scale set keeps running the image version it was created from: instances added later still boot that image, and OS security fixes published in newer image versions reach them only when someone updates the scale set by hand. Automatic upgrades roll new platform image versions out batch by batch, with health checks and rollback.',
    remediation:
      'Add `automatic_os_upgrade_policy { enable_automatic_os_upgrade = true }` with `upgrade_mode = "Automatic"` or `"Rolling"` and a health probe or the Application Health extension (azurerm_virtual_machine_scale_set: `automatic_os_upgrade = true`); or rebuild and roll out images from a pipeline and record that as a suppression.',
    references: [
      'https://learn.microsoft.com/en-us/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-automatic-upgrade',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine_scale_set#automatic_os_upgrade_policy',
    ],
    compliance: { 'nist-800-53': ['SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [...TYPES, 'azurerm_virtual_machine_scale_set'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const judge = (r: Resource, path: string, absentAt: string | undefined) => {
      const raw = getPath(r.attributes, path);
      const v = asBool(raw);
      if (isUnknown(v)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` });
      else if (v === false) out.push({ resource: r, attributePath: path, message: `${r.type} ${r.name} turns automatic OS image upgrades off`, evidence: `${path.replace(/^.*\./, '')} = false` });
      else if (v === undefined) out.push({ resource: r, attributePath: absentAt, message: `${r.type} ${r.name} has no automatic OS image upgrade policy: its instances keep the image version they were created with`, evidence: `${path} not set (defaults to false)` });
    };
    for (const r of resourcesOf(ctx, TYPES, TERRAFORM_SOURCES)) {
      const hasPolicy = getPath(r.attributes, POLICY) !== undefined;
      judge(r, `${POLICY}.enable_automatic_os_upgrade`, hasPolicy ? POLICY : undefined);
    }
    // azurerm 2.x scale sets: a top-level switch, default false
    for (const r of resourcesOf(ctx, ['azurerm_virtual_machine_scale_set'], TERRAFORM_SOURCES)) judge(r, 'automatic_os_upgrade', undefined);
    return out;
  },
});
