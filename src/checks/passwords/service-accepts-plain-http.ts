import { asList, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type CheckContext, type FindingDraft } from '../engine/types.js';
import { settingFindings, type SettingRule } from '../_lib/setting-values.js';
import { readText } from '../_lib/versioned-config.js';
import { fromView, kubernetesResources } from '../_lib/k8s-terraform.js';

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
  // the service API leaves HTTPS optional when DomainEndpointOptions (or EnforceHTTPS) is not given; CloudFormation passes that on
  { type: 'AWS::Elasticsearch::Domain', path: 'DomainEndpointOptions.EnforceHTTPS', weak: isFalse, weakDefault: 'false' },
  { type: 'AWS::OpenSearchService::Domain', path: 'DomainEndpointOptions.EnforceHTTPS', weak: isFalse, weakDefault: 'false' },
];

/** Where a load balancer listener keeps its protocol and its default actions, per source. */
const LISTENERS = [
  { types: ['aws_lb_listener', 'aws_alb_listener'], protocol: 'protocol', actions: 'default_action', type: 'type', redirect: (i: number) => `default_action[${i}].redirect[0].protocol` },
  { types: ['AWS::ElasticLoadBalancingV2::Listener'], protocol: 'Protocol', actions: 'DefaultActions', type: 'Type', redirect: (i: number) => `DefaultActions[${i}].RedirectConfig.Protocol` },
];

/**
 * A listener answering plain HTTP unless its default action redirects to HTTPS. Terraform's
 * listener protocol defaults to HTTP on an Application Load Balancer (a Network or Gateway
 * Load Balancer has no HTTP listener), so an absent protocol is judged by the load balancer it
 * names; one that cannot be found leaves the verdict unknown.
 */
function httpListeners(ctx: Pick<CheckContext, 'ofType' | 'referencedBy'>): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const l of LISTENERS) {
    for (const r of ctx.ofType(...l.types)) {
      const protocol = readText(r, l.protocol);
      if (isUnknown(protocol)) {
        out.push({ resource: r, attributePath: l.protocol, verdict: 'unknown', message: `${r.type} ${r.name}: ${l.protocol} is unresolved (${protocol.toString()})` });
        continue;
      }
      if (protocol !== undefined && !/^HTTP$/i.test(protocol)) continue;
      let verdict: 'unknown' | undefined;
      if (protocol === undefined) {
        if (l.types[0] !== 'aws_lb_listener') continue;
        const lbs = ctx.referencedBy(r, 'load_balancer_arn').filter((b) => b.type === 'aws_lb' || b.type === 'aws_alb');
        const types = lbs.map((b) => readText(b, 'load_balancer_type'));
        if (types.some((t) => typeof t === 'string' && !/^application$/i.test(t))) continue;
        if (lbs.length === 0 || types.some(isUnknown)) verdict = 'unknown';
      }
      const rawActions = getPath(r.attributes, l.actions);
      // default actions chosen by an undecidable condition (Fn::If): whether they redirect is unknown
      if (isUnknown(rawActions)) verdict = 'unknown';
      const actions = asList(rawActions);
      let redirectPath: string | undefined;
      let toHttps = false;
      actions.forEach((_, i) => {
        const type = readText(r, `${l.actions}[${i}].${l.type}`);
        if (typeof type !== 'string' || !/^redirect$/i.test(type)) return;
        const target = readText(r, l.redirect(i));
        if (typeof target === 'string' && /^HTTPS$/i.test(target)) toHttps = true;
        else redirectPath ??= l.redirect(i);
      });
      if (toHttps) continue;
      const attributePath = redirectPath ?? (protocol !== undefined ? l.protocol : undefined);
      const how = protocol === undefined ? 'HTTP, the default protocol' : 'HTTP';
      out.push({
        resource: r,
        attributePath,
        verdict,
        message: `${r.type} ${r.name} listens on ${how} without redirecting to HTTPS: session cookies, tokens and passwords cross the network in clear${verdict ? ' (the load balancer it belongs to is not in the scan)' : ''}`,
        evidence: redirectPath ? `${redirectPath} is not HTTPS` : `${l.protocol} = ${protocol ?? 'HTTP (default)'}`,
      });
    }
  }
  return out;
}

/**
 * Ingress annotations under which the controller's cloud load balancer terminates TLS itself or
 * serves no plain HTTP, so an Ingress without `spec.tls` still does not accept credentials in clear.
 */
const TLS_ELSEWHERE: ReadonlyArray<[string, (v: string) => boolean]> = [
  // AWS Load Balancer Controller: with a certificate the listeners default to HTTPS:443 only
  ['alb.ingress.kubernetes.io/certificate-arn', (v) => v.trim() !== ''],
  // GKE: HTTP turned off on the external load balancer
  ['kubernetes.io/ingress.allow-http', (v) => /^false$/i.test(v.trim())],
  // Azure Application Gateway: a certificate installed on the gateway, with HTTP redirected
  ['appgw.ingress.kubernetes.io/ssl-redirect', (v) => /^true$/i.test(v.trim())],
];

/**
 * A Kubernetes Ingress (manifest or Terraform `kubernetes_ingress(_v1)`) without `spec.tls`
 * routes its hosts over plain HTTP only: the controller has no certificate to serve for them.
 */
function plainIngresses(ctx: CheckContext): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const r of kubernetesResources(ctx)) {
    if (r.type !== 'Ingress') continue;
    const annotations = getPath(r.attributes, 'metadata.annotations');
    const ann = (key: string) => getPath(annotations, [key]);
    if (TLS_ELSEWHERE.some(([key, ok]) => { const v = ann(key); return typeof v === 'string' && ok(v); })) continue;
    const tls = getPath(r.attributes, 'spec.tls');
    const name = `Ingress ${r.name}`;
    if (isUnknown(tls) || TLS_ELSEWHERE.some(([key]) => isUnknown(ann(key)))) {
      out.push({ resource: r, attributePath: isUnknown(tls) ? 'spec.tls' : undefined, verdict: 'unknown', message: `${name}: its TLS settings are unresolved` });
      continue;
    }
    if (asList(tls).length > 0) {
      // ingress-nginx redirects HTTP to HTTPS for the TLS hosts unless told not to; then it serves both
      const key = 'nginx.ingress.kubernetes.io/ssl-redirect';
      const redirect = ann(key);
      const forced = ann('nginx.ingress.kubernetes.io/force-ssl-redirect');
      if (typeof redirect === 'string' && /^false$/i.test(redirect.trim()) && !(typeof forced === 'string' && /^true$/i.test(forced.trim()))) {
        out.push({ resource: r, attributePath: `metadata.annotations.${key}`, message: `${name} turns off ingress-nginx's HTTPS redirect, so its hosts are also served over plain HTTP: session cookies, tokens and passwords can cross the network in clear`, evidence: `${key}: ${redirect}` });
      }
      continue;
    }
    out.push({
      resource: r,
      attributePath: tls === undefined ? undefined : 'spec.tls',
      message: `${name} has no TLS section, so its hosts are served over plain HTTP: session cookies, tokens and passwords cross the network in clear`,
      evidence: tls === undefined ? 'spec.tls not set' : 'spec.tls is empty',
    });
  }
  return out.map(fromView);
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-077',
    title: 'Service accepts requests over plain HTTP',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A storage account, web or function app, CloudFront behaviour or search domain that answers plain HTTP lets clients send their credentials in clear: shared-access signatures and account keys, session cookies, bearer tokens and basic-auth headers can be read and replayed by anyone on the path. Azure App Service accepts HTTP unless `https_only = true`, and an Application Load Balancer listener is HTTP unless its protocol says otherwise (one whose default action redirects to HTTPS is not reported); the others accept it only when told to. A Kubernetes Ingress without `spec.tls` serves its hosts over HTTP only, unless an annotation has the cloud load balancer terminate TLS (AWS `alb.ingress.kubernetes.io/certificate-arn`, GKE `kubernetes.io/ingress.allow-http: "false"`, Application Gateway `ssl-redirect`); one with TLS whose ingress-nginx annotation `ssl-redirect: "false"` keeps plain HTTP open is reported too.',
    remediation:
      'Require HTTPS: `https_traffic_only_enabled = true` (storage; `enable_https_traffic_only` before azurerm 4), `https_only = true` (App Service and Functions), `viewer_protocol_policy = "redirect-to-https"` or `"https-only"` (CloudFront), `enforce_https = true` (OpenSearch / Elasticsearch), an HTTPS listener (or a default action redirecting HTTP to HTTPS) on load balancers, a `spec.tls` entry with the certificate Secret for the hosts of a Kubernetes Ingress (cert-manager can issue it) and no `nginx.ingress.kubernetes.io/ssl-redirect: "false"`.',
    references: [
      'https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer',
      'https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https',
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
      'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
    ],
    compliance: { 'cis-azure': ['3.1', '9.2'], 'nist-800-53': ['SC-8', 'IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation', 'kubernetes'],
    resourceTypes: [...new Set(RULES.map((r) => r.type)), ...LISTENERS.flatMap((l) => l.types), 'Ingress', 'kubernetes_ingress', 'kubernetes_ingress_v1'],
  },
  run: (ctx) => [
    ...settingFindings(
      (t) => ctx.ofType(t),
      RULES,
      (r, v, explicit) => `${r.type} ${r.name} accepts plain HTTP (${explicit ? v : `${v}, the default`}): credentials and tokens can cross the network in clear`,
    ),
    ...httpListeners(ctx),
    ...plainIngresses(ctx),
  ],
});
