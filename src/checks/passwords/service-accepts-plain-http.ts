import { defineCheck } from '../engine/types.js';
import { settingFindings, type SettingRule } from '../_lib/setting-values.js';

const isFalse = (v: string) => /^false$/i.test(v);
const allowAll = (v: string) => /^allow-all$/i.test(v);

/** App Service `https_only` defaults to false: a site without it answers plain HTTP. */
const APP_SERVICES = [
  'azurerm_app_service',
  'azurerm_function_app',
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
  'azurerm_linux_web_app_slot',
  'azurerm_windows_web_app_slot',
  'azurerm_linux_function_app_slot',
  'azurerm_windows_function_app_slot',
  'azurerm_app_service_slot',
  'azurerm_function_app_slot',
];

const RULES: SettingRule[] = [
  // storage accounts require HTTPS by default since azurerm 2.0; judged only when written
  { type: 'azurerm_storage_account', path: 'enable_https_traffic_only', weak: isFalse },
  { type: 'azurerm_storage_account', path: 'https_traffic_only_enabled', weak: isFalse },
  ...APP_SERVICES.map((type) => ({ type, path: 'https_only', weak: isFalse, weakDefault: 'false' })),
  { type: 'aws_cloudfront_distribution', path: 'default_cache_behavior[*].viewer_protocol_policy', weak: allowAll },
  { type: 'aws_cloudfront_distribution', path: 'ordered_cache_behavior[*].viewer_protocol_policy', weak: allowAll },
  { type: 'AWS::CloudFront::Distribution', path: 'DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy', weak: allowAll },
  { type: 'AWS::CloudFront::Distribution', path: 'DistributionConfig.CacheBehaviors[*].ViewerProtocolPolicy', weak: allowAll },
  { type: 'aws_elasticsearch_domain', path: 'domain_endpoint_options[*].enforce_https', weak: isFalse },
  { type: 'aws_opensearch_domain', path: 'domain_endpoint_options[*].enforce_https', weak: isFalse },
  { type: 'AWS::Elasticsearch::Domain', path: 'DomainEndpointOptions.EnforceHTTPS', weak: isFalse },
  { type: 'AWS::OpenSearchService::Domain', path: 'DomainEndpointOptions.EnforceHTTPS', weak: isFalse },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-077',
    title: 'Service accepts requests over plain HTTP',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A storage account, web or function app, CloudFront behaviour or search domain that answers plain HTTP lets clients send their credentials in clear: shared-access signatures and account keys, session cookies, bearer tokens and basic-auth headers can be read and replayed by anyone on the path. Azure App Service accepts HTTP unless `https_only = true`; the others accept it only when told to.',
    remediation:
      'Require HTTPS: `https_traffic_only_enabled = true` (storage; `enable_https_traffic_only` before azurerm 4), `https_only = true` (App Service and Functions), `viewer_protocol_policy = "redirect-to-https"` or `"https-only"` (CloudFront), `enforce_https = true` (OpenSearch / Elasticsearch).',
    references: [
      'https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer',
      'https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https',
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
    ],
    compliance: { 'cis-azure': ['3.1', '9.2'], 'nist-800-53': ['SC-8', 'IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: [...new Set(RULES.map((r) => r.type))],
  },
  run: (ctx) =>
    settingFindings(
      (t) => ctx.ofType(t),
      RULES,
      (r, v, explicit) => `${r.type} ${r.name} accepts plain HTTP (${explicit ? v : `${v}, the default`}): credentials and tokens can cross the network in clear`,
    ),
});
