import { isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { isTrue, sslNegotiationAttributes } from '../_lib/elb-ssl-negotiation.js';

/**
 * Parts of a cipher-suite name (OpenSSL `DES-CBC3-SHA`, IANA `TLS_RSA_WITH_3DES_EDE_CBC_SHA`)
 * that make it broken: RC4, single and triple DES, export grade, no encryption,
 * anonymous key exchange, MD5 and RC2 MACs/ciphers.
 */
const BROKEN = new Set(['RC4', 'ARCFOUR', 'DES', '3DES', 'DES3', 'CBC3', 'EXP', 'EXPORT', 'EXP1024', 'NULL', 'ENULL', 'ANULL', 'ADH', 'AECDH', 'ANON', 'MD5', 'RC2']);

export function brokenCipher(name: string): boolean {
  if (/^(Protocol-|Reference-Security-Policy$|Server-Defined-Cipher-Order$)/i.test(name)) return false;
  return name.toUpperCase().split(/[-_]/).some((part) => BROKEN.has(part));
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-081',
    title: 'Classic Load Balancer negotiation policy enables broken ciphers',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A Classic Load Balancer SSL negotiation policy (`aws_load_balancer_policy` of type `SSLNegotiationPolicyType`, or a CloudFormation `AWS::ElasticLoadBalancing::LoadBalancer` policy) that switches on RC4, DES or 3DES (Sweet32), export-grade, NULL or anonymous cipher suites lets a client, or an attacker downgrading one, negotiate a cipher whose traffic can be decrypted or tampered with: session cookies, bearer tokens and passwords sent to the site are exposed. Predefined `ELBSecurityPolicy-TLS-1-2-2017-01` carries none of them.',
    remediation:
      'Reference a current predefined policy (`Reference-Security-Policy = ELBSecurityPolicy-TLS-1-2-2017-01`) instead of listing ciphers, or set the listed broken ciphers to false; better, move the listener to an Application or Network Load Balancer with an `ELBSecurityPolicy-TLS13-1-2-*` policy.',
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-ssl-security-policy.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html',
      'https://sweet32.info/',
    ],
    compliance: { 'nist-800-53': ['SC-8', 'SC-13'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_load_balancer_policy', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const a of sslNegotiationAttributes(ctx)) {
      if (!brokenCipher(a.name)) continue;
      const r = a.resource;
      const on = isTrue(a.value);
      if (isUnknown(on)) out.push({ resource: r, key: a.path, attributePath: a.path, verdict: 'unknown', message: `${r.type} ${r.name}: whether ${a.name} is on is unresolved (${on.toString()})` });
      else if (on) out.push({ resource: r, key: a.path, attributePath: a.path, message: `${r.type} ${r.name} switches on the broken cipher ${a.name}`, evidence: `${a.name} = true` });
    }
    return out;
  },
});
