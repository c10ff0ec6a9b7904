import { settingFindings, type SettingRule } from '../_lib/setting-values.js';
import { defineCheck } from '../engine/types.js';

const isHttp = (v: string) => /^http$/i.test(v);

/** The client-facing protocol of each Classic Load Balancer listener (required in both sources: no default). */
const RULES: SettingRule[] = [
  { type: 'aws_elb', path: 'listener[*].lb_protocol', weak: isHttp },
  { type: 'AWS::ElasticLoadBalancing::LoadBalancer', path: 'Listeners[*].Protocol', weak: isHttp },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-086',
    title: 'Classic Load Balancer listener accepts plain HTTP',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A Classic Load Balancer listener whose client-facing protocol is HTTP takes requests in clear: session cookies, bearer tokens, basic-auth headers and login forms can be read and replayed by anyone on the path. Unlike an Application Load Balancer, a Classic Load Balancer cannot answer HTTP with a redirect to HTTPS, so every HTTP listener is reported (TET-PASS-077 covers Application Load Balancer listeners).',
    remediation:
      'Listen on HTTPS (or SSL) with a certificate from ACM (`lb_protocol = "https"` with `ssl_certificate_id`; `Protocol: HTTPS` with `SSLCertificateId`), and drop the HTTP listener; better, move to an Application Load Balancer, whose HTTP listener can redirect to HTTPS.',
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elb#listener',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-elb-listener.html',
    ],
    compliance: { 'nist-800-53': ['SC-8', 'IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: RULES.map((r) => r.type),
  },
  run: (ctx) =>
    settingFindings(
      (t) => ctx.ofType(t),
      RULES,
      (r, v) => `${r.type} ${r.name} has a listener on plain ${v.toUpperCase()}: session cookies, tokens and passwords cross the network in clear (a Classic Load Balancer cannot redirect to HTTPS)`,
    ),
});
