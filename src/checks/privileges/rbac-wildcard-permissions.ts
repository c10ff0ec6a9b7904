import { asList, getPath, isUnknown } from '../../model/index.js';
import { fromView, kubernetesResources } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-017',
    title: 'RBAC role grants wildcard verbs or resources',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A Role or ClusterRole rule with `verbs: ["*"]` or `resources: ["*"]` grants every current and future action or resource type in its API groups, including secrets, pods/exec and RBAC objects, so the role can escalate to full control of its scope.',
    remediation: 'List the exact verbs and resources the workload needs; never use "*" in RBAC rules outside the built-in cluster-admin role.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/'],
    compliance: { 'cis-kubernetes': ['5.1.3'], 'nist-800-53': ['AC-6'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Role', 'ClusterRole'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesResources(ctx).filter((r) => ['Role', 'ClusterRole'].includes(r.type))) {
      if (r.source !== 'kubernetes') continue;
      asList(getPath(r.attributes, 'rules')).forEach((_, i) => {
        for (const field of ['verbs', 'resources'] as const) {
          const path = `rules[${i}].${field}`;
          const v = getPath(r.attributes, path);
          if (isUnknown(v)) {
            out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${field} of rule ${i} are unresolved (${v.toString()})` });
            continue;
          }
          if (!asList(v).some((x) => typeof x === 'string' && x.trim() === '*')) continue;
          out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} rule ${i} grants every ${field === 'verbs' ? 'verb' : 'resource'} ("*")`, evidence: `${field}: ["*"]` });
        }
      });
    }
    return out.map(fromView);
  },
});
