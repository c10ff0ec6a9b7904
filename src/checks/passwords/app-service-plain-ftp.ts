import { settingFindings } from '../_lib/setting-values.js';
import { defineCheck } from '../engine/types.js';

/** Every azurerm App Service and Function App resource type, legacy and current, with their slots. */
export const APP_SERVICE_TYPES = [
  'azurerm_app_service',
  'azurerm_app_service_slot',
  'azurerm_function_app',
  'azurerm_function_app_slot',
  'azurerm_linux_web_app',
  'azurerm_linux_web_app_slot',
  'azurerm_windows_web_app',
  'azurerm_windows_web_app_slot',
  'azurerm_linux_function_app',
  'azurerm_linux_function_app_slot',
  'azurerm_windows_function_app',
  'azurerm_windows_function_app_slot',
];
const TYPES = APP_SERVICE_TYPES;

const LEGACY = new Set(['azurerm_app_service', 'azurerm_app_service_slot', 'azurerm_function_app', 'azurerm_function_app_slot']);

export default defineCheck({
  meta: {
    id: 'TET-PASS-082',
    title: 'App Service or Function App accepts deployments over plain FTP',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'With `ftps_state = "AllAllowed"` (the service default, which the azurerm 2.x `azurerm_app_service` and `azurerm_function_app` resources keep when the attribute is absent) the app\'s FTP endpoint accepts unencrypted FTP: the deployment credentials (the publishing profile user and password) and the code cross the network in clear text, where anyone on the path can read them and then replace the application.',
    remediation: 'Set `site_config { ftps_state = "Disabled" }` when nothing deploys over FTP (the azurerm 3.x default for the new web and function app resources), or `"FtpsOnly"`; prefer deployments through the SCM endpoint or zip deploy with Microsoft Entra ID.',
    references: [
      'https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#ftps_state',
    ],
    compliance: { 'cis-azure': ['9.10'], 'nist-800-53': ['SC-8', 'IA-5(1)'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TYPES,
  },
  run: (ctx) =>
    settingFindings(
      (t) => ctx.ofType(t),
      TYPES.map((type) => ({
        type,
        path: 'site_config[*].ftps_state',
        weak: (v: string) => v.toLowerCase() === 'allallowed',
        // the azurerm 2.x resources leave the value to the service, whose default is AllAllowed;
        // the azurerm 3.x web and function app resources default to Disabled
        ...(LEGACY.has(type) ? { weakDefault: 'AllAllowed' } : {}),
      })),
      (r, _v, explicit) => `${r.type} ${r.name} accepts plain FTP${explicit ? '' : ' (ftps_state not set: the service default is AllAllowed)'}: deployment credentials and code cross the network unencrypted`,
    ),
});
