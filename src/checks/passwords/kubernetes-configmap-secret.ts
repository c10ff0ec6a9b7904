import { isObject } from '../../model/index.js';
import { literalSecret, looksLikePath, looksSecretName, maskSecret, secretAssignments, severityForPassword } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-024',
    title: 'ConfigMap holds a secret',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A ConfigMap entry named like a secret (`DB_PASSWORD`, `api_key`, `client_secret`...) carries a literal value. ConfigMaps are meant for non-confidential settings: they are not encrypted at rest by the API server\'s secret encryption, are readable by every role that may read configuration, and show up in plain text in `kubectl describe`. A weak or common password raises the severity to critical.',
    remediation: 'Move the value to a Secret (created from a secret manager, not committed) and reference it with `secretKeyRef` or a secret volume; keep only non-confidential settings in the ConfigMap.',
    references: ['https://kubernetes.io/docs/concepts/configuration/configmap/', 'https://kubernetes.io/docs/concepts/configuration/secret/'],
    compliance: { 'nist-800-53': ['IA-5(7)', 'SC-28'] },
    sources: ['kubernetes'],
    resourceTypes: ['ConfigMap'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('ConfigMap')) {
      if (r.source !== 'kubernetes' || !isObject(r.attributes.data)) continue;
      for (const [key, value] of Object.entries(r.attributes.data)) {
        // an embedded configuration file (application.properties, .env): its secret-named assignments
        if (typeof value === 'string' && value.includes('\n')) {
          const hits = secretAssignments(value);
          if (hits.length > 0) {
            const path = `data.${key}`;
            out.push({
              resource: r,
              attributePath: path,
              key: path,
              severity: hits.some((h) => severityForPassword(h.value, 'high') === 'critical') ? 'critical' : 'high',
              message: `ConfigMap ${r.name} embeds ${hits.map((h) => h.name).join(', ')} in the file ${key}`,
              evidence: hits.map((h) => `${h.name}=${maskSecret(h.value)}`).join('; '),
            });
          }
          continue;
        }
        if (!looksSecretName(key)) continue;
        const secret = literalSecret(value);
        if (secret === undefined || looksLikePath(secret) || secret.includes('\n')) continue;
        const path = `data.${key}`;
        out.push({
          resource: r,
          attributePath: path,
          key: path,
          severity: severityForPassword(secret, 'high'),
          message: `ConfigMap ${r.name} stores ${key} in plain configuration`,
          evidence: `${key}: ${maskSecret(secret)}`,
        });
      }
    }
    return out;
  },
});
