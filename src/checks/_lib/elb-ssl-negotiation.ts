/**
 * Classic Load Balancer SSL negotiation policies: Terraform
 * `aws_load_balancer_policy` with `policy_type_name = "SSLNegotiationPolicyType"`
 * (`policy_attribute { name, value }` blocks) and CloudFormation
 * `AWS::ElasticLoadBalancing::LoadBalancer` `Policies` of that type
 * (`Attributes: [{ Name, Value }]`). Each attribute is one protocol
 * (`Protocol-TLSv1`), one cipher (`DES-CBC3-SHA`) or the predefined policy it
 * starts from (`Reference-Security-Policy`).
 */
import { asList, getPath, isUnknown, type Resource, type Unknown } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { readSetting } from './setting-values.js';
import { readText } from './versioned-config.js';

export interface NegotiationAttribute {
  resource: Resource;
  /** attribute path of the name (the line a finding points at) */
  path: string;
  name: string;
  /** `true` / `false` for protocols and ciphers, a policy name for Reference-Security-Policy */
  value: string | Unknown | undefined;
}

const SSL_NEGOTIATION = /^SSLNegotiationPolicyType$/i;

export function sslNegotiationAttributes(ctx: Pick<CheckContext, 'ofType'>): NegotiationAttribute[] {
  const out: NegotiationAttribute[] = [];
  const collect = (r: Resource, base: string, names: { name: string; value: string }) => {
    asList(getPath(r.attributes, base)).forEach((_, i) => {
      const name = readText(r, `${base}[${i}].${names.name}`);
      if (typeof name !== 'string') return;
      out.push({ resource: r, path: `${base}[${i}].${names.name}`, name, value: readSetting(r, `${base}[${i}].${names.value}`) });
    });
  };
  for (const r of ctx.ofType('aws_load_balancer_policy')) {
    const type = readText(r, 'policy_type_name');
    if (typeof type !== 'string' || !SSL_NEGOTIATION.test(type)) continue;
    collect(r, 'policy_attribute', { name: 'name', value: 'value' });
  }
  for (const r of ctx.ofType('AWS::ElasticLoadBalancing::LoadBalancer')) {
    asList(getPath(r.attributes, 'Policies')).forEach((_, p) => {
      const type = readText(r, `Policies[${p}].PolicyType`);
      if (typeof type !== 'string' || !SSL_NEGOTIATION.test(type)) return;
      collect(r, `Policies[${p}].Attributes`, { name: 'Name', value: 'Value' });
    });
  }
  return out;
}

export const isTrue = (v: string | Unknown | undefined): boolean | Unknown => (isUnknown(v) ? v : v !== undefined && /^true$/i.test(v));
