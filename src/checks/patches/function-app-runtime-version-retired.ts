import { isUnknown } from '../../model/index.js';
import { eolCatalogue, lookupCycle } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** `absentMeans`: the runtime the provider deploys when the attribute is not written. */
const TARGETS = [
  { types: ['azurerm_linux_function_app', 'azurerm_windows_function_app', 'azurerm_linux_function_app_slot', 'azurerm_windows_function_app_slot'], path: 'functions_extension_version', absentMeans: '~4' },
  { types: ['azurerm_function_app', 'azurerm_function_app_slot'], path: 'version', absentMeans: '~1' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-031',
    title: 'Function App runs a retired Azure Functions runtime version',
    pillar: 'patches',
    severity: 'high',
    description:
      'Azure Functions runtime 2.x and 3.x left extended support on 2022-12-13, and 1.x on 2026-09-14. Apps on a retired host runtime get no security fixes for the host or its language workers. The legacy `azurerm_function_app` resource deploys runtime ~1 when `version` is not set.',
    remediation: 'Migrate the app to Functions runtime 4.x (`functions_extension_version = "~4"`), on `azurerm_linux_function_app` / `azurerm_windows_function_app`.',
    references: [
      'https://learn.microsoft.com/azure/azure-functions/functions-versions',
      'https://learn.microsoft.com/azure/azure-functions/migrate-version-3-version-4',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TARGETS.flatMap((t) => t.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const table = eolCatalogue().azure_functions_runtime;
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, TERRAFORM_SOURCES)) {
        const written = readText(r, t.path);
        if (isUnknown(written)) continue;
        const value = written ?? t.absentMeans;
        const v = lookupCycle(table, value.replace(/^~/, ''));
        if (!v) continue;
        const f = written === undefined
          ? versionFinding(r, undefined, `${t.path} is not set; the default Functions runtime`, value, v, 'high', `${t.path} not set (defaults to ${value})`)
          : versionFinding(r, t.path, 'Functions runtime', value, v, 'high');
        if (f) out.push(f);
      }
    }
    return out;
  },
});
