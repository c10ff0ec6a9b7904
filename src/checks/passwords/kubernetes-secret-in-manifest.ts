import { isObject, isUnknown } from '../../model/index.js';
import { isPlaceholder, maskSecret, passwordStrength } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Decodes a Secret `data` value; undefined when it is not valid base64 (the API server would reject it anyway). */
function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-016',
    title: 'Kubernetes Secret with its values committed in a manifest',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A `Secret` manifest carries its values in `data` (base64 is an encoding, not encryption) or `stringData`, or a kustomize `secretGenerator` lists them as `literals`. Everyone who can read the repository, its forks and CI logs holds the credentials, and they cannot be rotated without a commit. Secrets whose values are all empty or templated, service-account-token Secrets without data, and SealedSecret / ExternalSecret objects are not reported. A weak or common password among the values raises the severity to critical.',
    remediation:
      'Keep secret values out of Git: create Secrets from a secret manager (External Secrets Operator, Secrets Store CSI driver), encrypt them for the cluster (Sealed Secrets, SOPS), or create them at deploy time from CI secrets. Rotate the values that were committed.',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/secret/#information-security-for-secrets',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
    ],
    compliance: { 'cis-kubernetes': ['5.4.2'], 'nist-800-53': ['IA-5(7)', 'SC-28'] },
    sources: ['kubernetes'],
    resourceTypes: ['Secret', 'Kustomization'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('Secret')) {
      if (r.source !== 'kubernetes') continue;
      for (const field of ['stringData', 'data'] as const) {
        const values = r.attributes[field];
        if (!isObject(values)) continue;
        const masked: string[] = [];
        let weak = false;
        for (const [key, raw] of Object.entries(values)) {
          if (typeof raw !== 'string' || isUnknown(raw)) continue;
          const plain = field === 'data' ? decodeBase64(raw) : raw;
          if (plain === undefined || isPlaceholder(plain)) continue;
          const password = plain.length <= 64 && !plain.includes('\n');
          if (password && passwordStrength(plain).weak) weak = true;
          masked.push(`${key}: ${maskSecret(plain, { strength: password })}`);
        }
        if (masked.length === 0) continue;
        out.push({
          resource: r,
          attributePath: field,
          key: field,
          severity: weak ? 'critical' : 'high',
          message: `Secret ${r.name} commits ${masked.length} value${masked.length === 1 ? '' : 's'} in \`${field}\`${field === 'data' ? ' (base64-encoded, not encrypted)' : ''}`,
          evidence: masked.join('; '),
        });
      }
    }
    // kustomize: secretGenerator literals ("key=value") are committed secret values too
    for (const r of ctx.ofType('Kustomization')) {
      if (r.source !== 'kubernetes' || !Array.isArray(r.attributes.secretGenerator)) continue;
      r.attributes.secretGenerator.forEach((gen, i) => {
        if (!isObject(gen) || !Array.isArray(gen.literals)) return;
        const masked: string[] = [];
        let weak = false;
        for (const lit of gen.literals) {
          if (typeof lit !== 'string' || !lit.includes('=')) continue;
          const key = lit.slice(0, lit.indexOf('='));
          const value = lit.slice(lit.indexOf('=') + 1);
          if (isPlaceholder(value)) continue;
          if (passwordStrength(value).weak) weak = true;
          masked.push(`${key}: ${maskSecret(value)}`);
        }
        if (masked.length === 0) return;
        const path = `secretGenerator[${i}].literals`;
        const name = typeof gen.name === 'string' ? gen.name : `#${i}`;
        out.push({
          resource: r,
          attributePath: path,
          key: path,
          severity: weak ? 'critical' : 'high',
          message: `kustomize secretGenerator "${name}" commits ${masked.length} literal value${masked.length === 1 ? '' : 's'}`,
          evidence: masked.join('; '),
        });
      });
    }
    return out;
  },
});
