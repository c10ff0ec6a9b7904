/**
 * RBAC rules (Role, ClusterRole; manifests and the Terraform kubernetes
 * provider through the manifest-shaped views) matched against the catalogue
 * of risky permissions (`data/kubernetes-rbac-risky-permissions.yaml`).
 * TET-PRIV-018 reports the credential, exec and escalation entries,
 * TET-PRIV-069 the workload-creation ones (`kind: workload`).
 */
import { z } from 'zod';
import { SEVERITIES, asList, getPath, isObject, severityRank, type Severity, type Value } from '../../model/index.js';
import type { CheckContext, FindingDraft } from '../engine/types.js';
import { loadCatalogue } from './catalogue.js';
import { fromView, kubernetesResources } from './k8s-terraform.js';

const permissionSchema = z.object({
  group: z.string(),
  resource: z.string(),
  verbs: z.array(z.string()),
  severity: z.enum(SEVERITIES),
  why: z.string(),
  kind: z.enum(['escalation', 'workload']).default('escalation'),
});
const catalogueSchema = z.object({ permissions: z.array(permissionSchema) });
export type RiskyPermission = z.infer<typeof permissionSchema>;

const strings = (v: Value | undefined): string[] => asList(v).filter((x): x is string => typeof x === 'string').map((x) => x.trim());

/** One finding per rule that grants a catalogued permission of the given kind, mapped back from Terraform views. */
export function riskyRuleFindings(ctx: CheckContext, kind: RiskyPermission['kind']): FindingDraft[] {
  const catalogue = loadCatalogue('kubernetes-rbac-risky-permissions.yaml', catalogueSchema).permissions.filter((p) => p.kind === kind);
  const out: FindingDraft[] = [];
  for (const r of kubernetesResources(ctx).filter((x) => ['Role', 'ClusterRole'].includes(x.type))) {
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
      // the line that makes the rule dangerous: a subresource (pods/exec, nodes/proxy) is dangerous by its name,
      // a plain resource (secrets, pods, roles) by the verbs granted on it
      const at = hits.some((h) => h.resource.includes('/')) ? 'resources' : 'verbs';
      out.push({ resource: r, key: `rules[${i}]`, attributePath: `rules[${i}].${at}`, severity, message: `${r.type} ${r.name} rule ${i} grants ${grants}`, evidence: `resources: [${resources.join(', ')}]; verbs: [${verbs.join(', ')}]` });
    });
  }
  return out.map(fromView);
}
