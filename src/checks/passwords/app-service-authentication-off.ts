import { isUnknown, type Resource } from '../../model/index.js';
import { expandPath, readSetting } from '../_lib/setting-values.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { APP_SERVICE_TYPES } from './app-service-plain-ftp.js';

/** The switches of App Service authentication ("Easy Auth"): the v1 block's `enabled` and the v2 block's `auth_enabled` (default false). */
const SWITCHES = ['auth_settings[*].enabled', 'auth_settings_v2[*].auth_enabled'];

function judge(r: Resource): FindingDraft | undefined {
  let off: string | undefined;
  let unknown: FindingDraft | undefined;
  for (const pattern of SWITCHES) {
    for (const path of expandPath(r, pattern)) {
      const v = readSetting(r, path);
      if (isUnknown(v)) unknown ??= { resource: r, key: 'auth', attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` };
      else if (v?.toLowerCase() === 'true') return undefined;
      else if (v?.toLowerCase() === 'false') off ??= path;
    }
  }
  if (unknown) return unknown;
  if (off !== undefined) {
    return { resource: r, key: 'auth', attributePath: off, message: `${r.type} ${r.name} has App Service authentication turned off (${off} = false): every request reaches the application unauthenticated`, evidence: `${off} = false` };
  }
  return { resource: r, key: 'auth', message: `${r.type} ${r.name} has no App Service authentication (no auth_settings / auth_settings_v2 block enabling it): every request reaches the application unauthenticated`, evidence: 'auth_settings / auth_settings_v2 not enabled' };
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-089',
    title: 'App Service or Function App without built-in authentication',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'Without App Service authentication (`auth_settings { enabled = true }` or `auth_settings_v2 { auth_enabled = true }`; both off when absent) the platform lets every anonymous request through to the app, which must then authenticate callers itself, and Function App HTTP triggers are protected only by shared function keys. Turning it on makes the front end require a Microsoft Entra ID (or other identity provider) sign-in before any request reaches the code. Apps that authenticate in their own code, or public sites, may accept this finding.',
    remediation: 'Add `auth_settings_v2 { auth_enabled = true, require_authentication = true, ... }` with an identity provider (for example `active_directory_v2`) to the app, or `auth_settings { enabled = true, ... }` on the azurerm 2.x `azurerm_app_service` / `azurerm_function_app` resources.',
    references: [
      'https://learn.microsoft.com/en-us/azure/app-service/overview-authentication-authorization',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#auth_settings_v2',
    ],
    compliance: { 'cis-azure': ['9.1'], 'nist-800-53': ['IA-2', 'AC-3'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: APP_SERVICE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const type of APP_SERVICE_TYPES) for (const r of ctx.ofType(type)) {
      const f = judge(r);
      if (f) out.push(f);
    }
    return out;
  },
});
