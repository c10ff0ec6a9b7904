import { z } from 'zod';
import { SEVERITIES, asList, getPath, isUnknown, type Severity } from '../../model/index.js';
import { loadCatalogue } from '../_lib/catalogue.js';
import { containersOf } from '../_lib/kubernetes.js';
import { fromView, kubernetesResources, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const catalogueSchema = z.object({
  baseline_allowed: z.array(z.string()),
  dangerous: z.record(z.string(), z.object({ severity: z.enum(SEVERITIES), why: z.string() })),
});

/** "cap_sys_admin" and "SYS_ADMIN" name the same capability. */
export function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-013',
    title: 'Container adds a dangerous Linux capability',
    pillar: 'privileges',
    severity: 'high',
    description:
      'Capabilities beyond the Pod Security Standards baseline set (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, ALL, ...) give a container kernel powers that lead to node takeover, traffic interception or reading other containers.',
    remediation: 'Drop ALL capabilities and add back only those in the baseline set the workload needs (for example NET_BIND_SERVICE).',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://man7.org/linux/man-pages/man7/capabilities.7.html', 'https://nvd.nist.gov/vuln/detail/CVE-2022-0492'],
    compliance: { 'cis-kubernetes': ['5.2.8', '5.2.9'], 'nist-800-53': ['AC-6', 'CM-7'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'PodSecurityPolicy'],
  },
  run(ctx) {
    const catalogue = loadCatalogue('linux-capabilities.yaml', catalogueSchema);
    const allowed = new Set(catalogue.baseline_allowed.map(normalizeCapability));
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      for (const c of containersOf(r)) {
        const addPath = `${c.path}.securityContext.capabilities.add`;
        const add = getPath(r.attributes, addPath);
        const label = `container "${c.name}" of ${r.type} ${r.name}`;
        if (isUnknown(add)) {
          out.push({ resource: r, key: addPath, attributePath: addPath, verdict: 'unknown', message: `${label}: added capabilities are unresolved (${add.toString()})` });
          continue;
        }
        asList(add).forEach((cap, i) => {
          const path = Array.isArray(add) ? `${addPath}[${i}]` : addPath;
          if (isUnknown(cap)) {
            out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${label}: an added capability is unresolved (${cap.toString()})` });
            return;
          }
          if (typeof cap !== 'string') return;
          const name = normalizeCapability(cap);
          if (allowed.has(name)) return;
          const entry = catalogue.dangerous[name];
          const severity: Severity | undefined = entry?.severity;
          out.push({
            resource: r,
            key: path,
            attributePath: path,
            severity,
            message: `${label} adds capability ${name}${entry ? `: ${entry.why}` : ' (outside the Pod Security Standards baseline set)'}`,
            evidence: `capabilities.add: ${name}`,
          });
        });
      }
    }
    // PodSecurityPolicy: capabilities pods may add (allowedCapabilities) or get by default (defaultAddCapabilities)
    for (const r of kubernetesResources(ctx).filter((x) => x.type === 'PodSecurityPolicy')) {
      for (const field of ['allowedCapabilities', 'defaultAddCapabilities']) {
        const list = getPath(r.attributes, `spec.${field}`);
        if (!Array.isArray(list)) continue;
        list.forEach((cap, i) => {
          if (typeof cap !== 'string') return;
          const name = cap.trim() === '*' ? 'ALL' : normalizeCapability(cap);
          if (allowed.has(name)) return;
          const entry = catalogue.dangerous[name];
          const path = `spec.${field}[${i}]`;
          out.push({ resource: r, key: path, attributePath: path, severity: entry?.severity, message: `PodSecurityPolicy ${r.name} lets pods add ${name === 'ALL' ? 'any capability' : `capability ${name}`} (${field})`, evidence: `${field}: ${cap}` });
        });
      }
    }
    return out.map(fromView);
  },
});
