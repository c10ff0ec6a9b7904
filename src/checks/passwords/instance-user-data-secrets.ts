import type { Value } from '../../model/index.js';
import { expandAttribute } from '../_lib/password-attributes.js';
import { awsKeyIds, knownTokens, maskSecret, PRIVATE_KEY_HEADER, secretAssignments, urlCredentials } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = ['terraform', 'terraform-plan'];

/** Boot-script attributes per type; `base64` when the attribute holds base64-encoded text. */
const USER_DATA: Array<{ types: string[]; path: string; sources: string[] }> = [
  { types: ['aws_instance', 'aws_launch_configuration'], path: 'user_data', sources: TF },
  { types: ['aws_instance', 'aws_launch_configuration', 'aws_launch_template'], path: 'user_data_base64', sources: TF },
  { types: ['aws_launch_template'], path: 'user_data', sources: TF },
  { types: ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set'], path: 'custom_data', sources: TF },
  { types: ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine'], path: 'user_data', sources: TF },
  { types: ['google_compute_instance', 'google_compute_instance_template'], path: 'metadata_startup_script', sources: TF },
  { types: ['google_compute_instance', 'google_compute_instance_template'], path: 'metadata.startup-script', sources: TF },
  { types: ['AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration'], path: 'UserData', sources: ['cloudformation'] },
  { types: ['AWS::EC2::LaunchTemplate'], path: 'LaunchTemplateData.UserData', sources: ['cloudformation'] },
];

/** Decodes base64 user data when the whole value is base64 of readable text; else the value itself. */
export function userDataText(value: string): string {
  const compact = value.replace(/\s+/g, '');
  if (compact.length >= 16 && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const decoded = Buffer.from(compact, 'base64').toString('utf8');
    // readable text: no replacement characters and mostly printable
    if (!decoded.includes('\uFFFD') && /^[\x09\x0A\x0D\x20-\x7E\u00A0-\uFFFF]*$/.test(decoded)) return decoded;
  }
  return value;
}

interface Hit {
  what: string;
  masked: string;
}

export function userDataSecrets(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const id of new Set(awsKeyIds(text))) hits.push({ what: 'AWS access key id', masked: maskSecret(id, { strength: false }) });
  const key = PRIVATE_KEY_HEADER.exec(text);
  if (key) hits.push({ what: key[1]!.toLowerCase(), masked: '-----BEGIN ' + key[1] + '----- ' + maskSecret(text.slice(key.index + key[0].length, key.index + key[0].length + 64).trim(), { strength: false }) });
  for (const c of urlCredentials(text)) hits.push({ what: `password in ${c.scheme} URL`, masked: maskSecret(c.password) });
  const assignments = secretAssignments(text);
  for (const a of assignments) hits.push({ what: a.name, masked: maskSecret(a.value) });
  for (const t of knownTokens(text)) if (!assignments.some((a) => a.value.includes(t.token))) hits.push({ what: t.name, masked: maskSecret(t.token, { strength: false }) });
  return hits;
}

function scriptOf(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-011',
    title: 'Instance user data contains secrets',
    pillar: 'passwords',
    severity: 'high',
    description:
      'The boot script passed as EC2 user data, an Azure `custom_data` / `user_data`, or a GCE startup script contains a password assignment, a URL with a password, an AWS access key id or a private key. User data is not secret: anyone with `ec2:DescribeInstanceAttribute` (or the equivalent reader role) can read it, and every process on the instance can fetch it from the metadata service at 169.254.169.254.',
    remediation: 'Have the script fetch secrets at boot from Secrets Manager / SSM Parameter Store, Key Vault or Secret Manager using the instance\'s role or managed identity, and rotate the secrets that were exposed.',
    references: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
      'https://learn.microsoft.com/en-us/azure/virtual-machines/custom-data',
      'https://cloud.google.com/compute/docs/instances/startup-scripts/linux',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)', 'SC-28'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: [...new Set(USER_DATA.flatMap((u) => u.types))],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const spec of USER_DATA) {
      for (const r of ctx.ofType(...spec.types)) {
        if (!spec.sources.includes(r.source)) continue;
        const matches = spec.path === 'metadata.startup-script' ? [{ path: spec.path, value: (r.attributes.metadata as Record<string, Value> | undefined)?.['startup-script'] }] : expandAttribute(r.attributes, spec.path);
        for (const m of matches) {
          const script = scriptOf(m.value);
          if (script === undefined) continue;
          const hits = userDataSecrets(userDataText(script));
          if (hits.length === 0) continue;
          out.push({
            resource: r,
            attributePath: m.path,
            key: m.path,
            message: `${r.type} ${r.name} passes ${hits.length === 1 ? 'a secret' : `${hits.length} secrets`} in \`${spec.path}\`: ${hits.map((h) => h.what).join(', ')}`,
            evidence: hits.map((h) => `${h.what}: ${h.masked}`).join('; '),
          });
        }
      }
    }
    return out;
  },
});
