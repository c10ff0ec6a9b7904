import { asBool, asList, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { isTrue, sslNegotiationAttributes } from '../_lib/elb-ssl-negotiation.js';
import { settingFindings, type SettingRule } from '../_lib/setting-values.js';

/** TLS 1.0 / 1.1 spelled the ways each provider and service writes a minimum version. */
const azureTls = (v: string) => /^(tls)?1[._][01]$/i.test(v) || /^TLSEnforcementDisabled$/i.test(v) || /^disabled$/i.test(v);
const azureDotted = (v: string) => /^1(\.[01])?$/.test(v) || /^disabled$/i.test(v);
const cosmos = (v: string) => /^tls(11)?$/i.test(v);
const gcp = (v: string) => /^TLS_1_[01]$/i.test(v);
const searchPolicy = (v: string) => /TLS-1-0/i.test(v);
const apiGateway = (v: string) => /^TLS_1_0$/i.test(v);
const cloudFront = (v: string) => /^(SSLv3|TLSv1|TLSv1_2016|TLSv1\.1_2016)$/i.test(v);
// ELB / ALB / NLB predefined policies that still negotiate TLS 1.0 or 1.1
const elbPolicy = (v: string) =>
  /^ELBSecurityPolicy-(2016-08|2015-0[35]|2015-02|2014-10|2014-01|2011-08|FS-2018-06|FS-1-1-2019-08|TLS-1-0-2015-04|TLS-1-1-2017-01|TLS13-1-[01]-2021-06)$/i.test(v);

// Classic Load Balancer negotiation policies: a protocol switched on by name, or an old predefined policy (the ELBSample-* ones date from SSLv3)
const oldProtocol = /^Protocol-(SSLv2|SSLv3|TLSv1|TLSv1\.1)$/i;
const classicPolicy = (v: string) => elbPolicy(v) || /^ELBSample-/i.test(v);

function classicNegotiationFindings(ctx: Parameters<typeof sslNegotiationAttributes>[0]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const a of sslNegotiationAttributes(ctx)) {
    const r = a.resource;
    if (oldProtocol.test(a.name)) {
      const on = isTrue(a.value);
      if (isUnknown(on)) out.push({ resource: r, key: a.path, attributePath: a.path, verdict: 'unknown', message: `${r.type} ${r.name}: ${a.name} is unresolved (${on.toString()})` });
      else if (on) out.push({ resource: r, key: a.path, attributePath: a.path, message: `${r.type} ${r.name} accepts clients on TLS older than 1.2 (${a.name} switched on)`, evidence: `${a.name} = true` });
    } else if (/^Reference-Security-Policy$/i.test(a.name)) {
      if (isUnknown(a.value)) out.push({ resource: r, key: a.path, attributePath: a.path, verdict: 'unknown', message: `${r.type} ${r.name}: Reference-Security-Policy is unresolved (${a.value.toString()})` });
      else if (a.value !== undefined && classicPolicy(a.value)) out.push({ resource: r, key: a.path, attributePath: a.path, message: `${r.type} ${r.name} accepts clients on TLS older than 1.2 (${a.value})`, evidence: `Reference-Security-Policy = ${a.value}` });
    }
  }
  return out;
}

/**
 * A CloudFront distribution on the default *.cloudfront.net certificate always accepts TLSv1 (its
 * minimum version cannot be set): such a finding points at `cloudfront_default_certificate`.
 */
function atDefaultCertificate(f: FindingDraft): FindingDraft {
  const m = /^(viewer_certificate\[\d+\]\.|DistributionConfig\.ViewerCertificate\.)(minimum_protocol_version|MinimumProtocolVersion)$/.exec(f.attributePath ?? '');
  if (!m || !f.evidence?.includes('not set')) return f;
  const path = `${m[1]}${m[2] === 'MinimumProtocolVersion' ? 'CloudFrontDefaultCertificate' : 'cloudfront_default_certificate'}`;
  if (asBool(getPath(f.resource.attributes, path)) !== true) return f;
  return { ...f, attributePath: path, message: `${f.resource.type} ${f.resource.name} serves the default CloudFront certificate, which accepts TLSv1`, evidence: `${path} = true` };
}

/** Private REST API custom domains only take TLS_1_2: their unset policy is not the legacy TLS_1_0 default. */
function notPrivateDomainDefault(f: FindingDraft): boolean {
  if (!f.evidence?.includes('not set')) return true;
  const path = f.resource.type === 'aws_api_gateway_domain_name' ? 'endpoint_configuration[0].types' : f.resource.type === 'AWS::ApiGateway::DomainName' ? 'EndpointConfiguration.Types' : undefined;
  if (!path) return true;
  return !asList(getPath(f.resource.attributes, path)).some((t) => typeof t === 'string' && /^PRIVATE$/i.test(t));
}

const APP_SERVICES = ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app', 'azurerm_linux_web_app_slot', 'azurerm_windows_web_app_slot', 'azurerm_linux_function_app_slot', 'azurerm_windows_function_app_slot'];

const RULES: SettingRule[] = [
  { type: 'azurerm_storage_account', path: 'min_tls_version', weak: azureTls },
  { type: 'azurerm_mssql_server', path: 'minimum_tls_version', weak: azureDotted },
  { type: 'azurerm_mssql_managed_instance', path: 'minimum_tls_version', weak: azureDotted },
  { type: 'azurerm_redis_cache', path: 'minimum_tls_version', weak: azureDotted },
  { type: 'azurerm_eventhub_namespace', path: 'minimum_tls_version', weak: azureDotted },
  { type: 'azurerm_servicebus_namespace', path: 'minimum_tls_version', weak: azureDotted },
  { type: 'azurerm_postgresql_server', path: 'ssl_minimal_tls_version_enforced', weak: azureTls },
  { type: 'azurerm_mysql_server', path: 'ssl_minimal_tls_version_enforced', weak: azureTls },
  { type: 'azurerm_cosmosdb_account', path: 'minimal_tls_version', weak: cosmos },
  ...APP_SERVICES.map((type) => ({ type, path: 'site_config[*].minimum_tls_version', weak: azureDotted })),
  { type: 'azurerm_app_service', path: 'site_config[*].min_tls_version', weak: azureDotted },
  { type: 'azurerm_function_app', path: 'site_config[*].min_tls_version', weak: azureDotted },
  // GCP load-balancer SSL policies default to TLS 1.0
  { type: 'google_compute_ssl_policy', path: 'min_tls_version', weak: gcp, weakDefault: 'TLS_1_0' },
  { type: 'aws_elasticsearch_domain', path: 'domain_endpoint_options[*].tls_security_policy', weak: searchPolicy },
  { type: 'aws_opensearch_domain', path: 'domain_endpoint_options[*].tls_security_policy', weak: searchPolicy },
  { type: 'AWS::Elasticsearch::Domain', path: 'DomainEndpointOptions.TLSSecurityPolicy', weak: searchPolicy },
  { type: 'AWS::OpenSearchService::Domain', path: 'DomainEndpointOptions.TLSSecurityPolicy', weak: searchPolicy },
  // REST API custom domains without a security policy get TLS_1_0 (HTTP and WebSocket APIs only offer TLS 1.2)
  { type: 'aws_api_gateway_domain_name', path: 'security_policy', weak: apiGateway, weakDefault: 'TLS_1_0' },
  { type: 'AWS::ApiGateway::DomainName', path: 'SecurityPolicy', weak: apiGateway, weakDefault: 'TLS_1_0' },
  { type: 'aws_apigatewayv2_domain_name', path: 'domain_name_configuration[*].security_policy', weak: apiGateway },
  { type: 'AWS::ApiGatewayV2::DomainName', path: 'DomainNameConfigurations[*].SecurityPolicy', weak: apiGateway },
  // CloudFront's minimum protocol version defaults to TLSv1 (and a distribution without a viewer certificate gets the default one)
  { type: 'aws_cloudfront_distribution', path: 'viewer_certificate[*].minimum_protocol_version', weak: cloudFront, weakDefault: 'TLSv1' },
  { type: 'AWS::CloudFront::Distribution', path: 'DistributionConfig.ViewerCertificate.MinimumProtocolVersion', weak: cloudFront, weakDefault: 'TLSv1' },
  { type: 'aws_lb_listener', path: 'ssl_policy', weak: elbPolicy },
  { type: 'aws_alb_listener', path: 'ssl_policy', weak: elbPolicy },
  { type: 'AWS::ElasticLoadBalancingV2::Listener', path: 'SslPolicy', weak: elbPolicy },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-056',
    title: 'Service accepts TLS versions older than 1.2',
    pillar: 'patches',
    severity: 'medium',
    description:
      'TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on SHA-1 and CBC constructions with known attacks (BEAST, POODLE-TLS, Lucky 13) and are out of support at every major vendor. A storage account, database, cache, messaging namespace, web app, search domain, API domain, CDN or load balancer whose minimum TLS version is 1.0 or 1.1 lets a client (or an attacker downgrading one) talk to it over those protocols. GCP SSL policies, CloudFront viewer certificates and API Gateway REST custom domains default to TLS 1.0; Classic Load Balancer negotiation policies are judged by the protocols they switch on (`Protocol-TLSv1`, `Protocol-SSLv3`, ...) and the predefined policy they reference.',
    remediation:
      'Set the minimum to TLS 1.2 or later: `min_tls_version = "TLS1_2"` (storage), `minimum_tls_version = "1.2"` (SQL, Redis, Event Hubs, Service Bus, App Service), `ssl_minimal_tls_version_enforced = "TLS1_2"`, `min_tls_version = "TLS_1_2"` (GCP SSL policy), `Policy-Min-TLS-1-2-2019-07` (OpenSearch), `TLS_1_2` (API Gateway), `TLSv1.2_2021` (CloudFront), an `ELBSecurityPolicy-TLS13-1-2-*` policy (load balancers; `Reference-Security-Policy = ELBSecurityPolicy-TLS-1-2-2017-01` and no `Protocol-TLSv1`/`Protocol-TLSv1.1`/`Protocol-SSLv3` attribute on Classic Load Balancers).',
    references: ['https://datatracker.ietf.org/doc/html/rfc8996', 'https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html'],
    compliance: { 'cis-azure': ['3.15', '9.3'], 'cis-gcp': ['3.9'], 'nist-800-53': ['SC-8', 'SC-13'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: [...new Set(RULES.map((r) => r.type)), 'aws_load_balancer_policy', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  },
  run: (ctx) => [
    ...settingFindings(
      (t) => ctx.ofType(t),
      RULES,
      (r, v, explicit) => `${r.type} ${r.name} accepts clients on TLS older than 1.2 (${v}${explicit ? '' : ', the default'})`,
    )
      .filter(notPrivateDomainDefault)
      .map(atDefaultCertificate),
    ...classicNegotiationFindings(ctx),
  ],
});
