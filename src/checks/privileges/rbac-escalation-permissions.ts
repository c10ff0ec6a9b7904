import { z } from 'zod';
import { SEVERITIES, asList, getPath, isObject, severityRank, type Severity, type Value } from '../../model/index.js';
import { loadCatalogue } from '../_lib/catalogue.js';
import { fromView, kubernetesResources } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const catalogueSchema = z.object({
  permissions: z.array(z.object({ group: z.string(), resource: z.string(), verbs: z.array(z.string()), severity: z.enum(SEVERITIES), why: z.string() })),
});

const strings = (v: Value | undefined): string[] => asList(v).filter((x): x is string => typeof x === 'string').map((x) => x.trim());

export default defineCheck({
  meta: {
    id: 'TET-PRIV-018',
    title: 'RBAC role grants an escalation-prone permission',
    pillar: 'privileges',
    severity: 'high',
    description:
      'Some RBAC permissions are as good as more privileges: reading secrets yields service account tokens, pods/exec and pod creation run code as other identities, and bind/escalate/impersonate grant rights the subject does not hold.',
    remediation: 'Remove the permission, or restrict it with `resourceNames` to the specific objects the workload needs; give humans exec and secret access through short-lived, audited roles.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping'],
    compliance: { 'cis-kubernetes': ['5.1.2', '5.1.4', '5.1.8'], 'nist-800-53': ['AC-6'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Role', 'ClusterRole'],
  },
  run(ctx) {
    const catalogue = loadCatalogue('kubernetes-rbac-risky-permissions.yaml', catalogueSchema).permissions;
    const out: FindingDraft[] = [];
    for (const r of kubernetesResources(ctx).filter((r) => ['Role', 'ClusterRole'].includes(r.type))) {
      if (r.source !== 'kubernetes') continue;
      asList(getPath(r.attributes, 'rules')).forEach((rule, i) => {
        if (!isObject(rule)) return;
        // rules limited to named objects are the least-privilege form
        if (strings(rule.resourceNames).length > 0) return;
        const groups = strings(rule.apiGroups);
        const resources = strings(rule.resources).map((x) => x.toLowerCase());
        const verbs = strings(rule.verbs).map((x) => x.toLowerCase());
        const hits = catalogue.filter(
          (p) => (groups.includes('*') || groups.includes(p.group)) && resources.includes(p.resource) && (verbs.includes('*') || p.verbs.some((v) => verbs.includes(v))),
        );
        if (hits.length === 0) return;
        const severity = hits.map((h) => h.severity).sort((a, b) => severityRank(b) - severityRank(a))[0] as Severity;
        const grants = hits.map((h) => `${h.resource} (${h.why})`).join('; ');
        out.push({ resource: r, key: `rules[${i}]`, attributePath: `rules[${i}].resources`, severity, message: `${r.type} ${r.name} rule ${i} grants ${grants}`, evidence: `resources: [${resources.join(', ')}]; verbs: [${verbs.join(', ')}]` });
      });
    }
    return out.map(fromView);
  },
});
