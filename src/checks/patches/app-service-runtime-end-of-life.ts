import { getPath, isObject, isUnknown } from '../../model/index.js';
import { languageTable, lookupCycle } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const MODERN = ['azurerm_linux_web_app', 'azurerm_linux_function_app', 'azurerm_windows_web_app', 'azurerm_windows_function_app', 'azurerm_linux_web_app_slot', 'azurerm_linux_function_app_slot', 'azurerm_windows_web_app_slot', 'azurerm_windows_function_app_slot'];
const LEGACY = ['azurerm_app_service', 'azurerm_function_app', 'azurerm_app_service_slot', 'azurerm_function_app_slot'];

/** application_stack attribute → language table. */
const STACK_ATTRIBUTES: Record<string, string> = { node_version: 'node', python_version: 'python', php_version: 'php', dotnet_version: 'dotnet', ruby_version: 'ruby', go_version: 'go' };
/** linux_fx_version prefix → language table ("PYTHON|3.8", "NODE|14-lts"). */
const FX_PREFIXES: Record<string, string> = { NODE: 'node', PYTHON: 'python', PHP: 'php', DOTNETCORE: 'dotnet', DOTNET: 'dotnet', RUBY: 'ruby' };

/** "~18" → "18", "v6.0" → "6.0", "14-lts" → "14" (the dash suffix is ignored by the look-up). */
function normalise(version: string): string {
  return version.trim().replace(/^~/, '').replace(/^v/i, '');
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-013',
    title: 'App Service or Function App uses an end-of-life language runtime',
    pillar: 'patches',
    severity: 'high',
    description:
      'The web or function app runs a language stack (for example Node 16, Python 3.8, PHP 7.4, .NET 6) that its maintainers no longer patch. App Service stops updating retired stacks, so an internet-facing app keeps known vulnerabilities in the runtime itself.',
    remediation: 'Move `site_config.application_stack` (or `linux_fx_version`) to a supported version of the language and redeploy.',
    references: [
      'https://learn.microsoft.com/azure/app-service/language-support-policy',
      'https://learn.microsoft.com/azure/azure-functions/functions-versions#languages',
      'https://nodejs.org/en/about/previous-releases',
      'https://devguide.python.org/versions/',
      'https://www.php.net/supported-versions.php',
      'https://dotnet.microsoft.com/platform/support/policy/dotnet-core',
    ],
    compliance: { 'cis-azure': ['9.6', '9.7'], 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [...MODERN, ...LEGACY],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const judge = (r: (typeof ctx.resources)[number], path: string, language: string, raw: string, shown: string): void => {
      const table = languageTable(language);
      if (!table) return;
      const version = normalise(raw);
      // Windows dotnet_version v2.0–v4.0 means .NET Framework, which follows Windows support: only judge .NET (Core) 5+.
      if (language === 'dotnet' && (r.type.includes('windows') || path.endsWith('dotnet_framework_version')) && Number.parseFloat(version) < 5) return;
      const v = lookupCycle(table, version);
      const f = v && versionFinding(r, path, `${language} runtime`, shown, v, 'high');
      if (f) out.push({ ...f, key: path });
    };
    for (const r of resourcesOf(ctx, MODERN, TERRAFORM_SOURCES)) {
      const stack = getPath(r.attributes, 'site_config[0].application_stack[0]');
      if (!isObject(stack)) continue;
      for (const [attribute, language] of Object.entries(STACK_ATTRIBUTES)) {
        const path = `site_config[0].application_stack[0].${attribute}`;
        const value = readText(r, path);
        if (value === undefined || isUnknown(value)) continue;
        judge(r, path, language, value, value);
      }
    }
    for (const r of resourcesOf(ctx, LEGACY, TERRAFORM_SOURCES)) {
      // Windows apps of the legacy resources name PHP, Python and .NET versions directly.
      for (const [attribute, language] of [['php_version', 'php'], ['python_version', 'python'], ['dotnet_framework_version', 'dotnet']] as const) {
        const p = `site_config[0].${attribute}`;
        const value = readText(r, p);
        if (value !== undefined && !isUnknown(value)) judge(r, p, language, value, value);
      }
      const path = 'site_config[0].linux_fx_version';
      const fx = readText(r, path);
      if (fx === undefined || isUnknown(fx)) continue;
      const m = /^([A-Za-z]+)\|(.+)$/.exec(fx);
      const language = m ? FX_PREFIXES[m[1].toUpperCase()] : undefined;
      if (m && language) judge(r, path, language, m[2], fx);
    }
    return out;
  },
});
