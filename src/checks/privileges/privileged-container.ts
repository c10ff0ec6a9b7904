import { asBool, getPath, isObject, isUnknown } from '../../model/index.js';
import { containersOf } from '../_lib/kubernetes.js';
import { effectiveSetting } from '../_lib/k8s-security-context.js';
import { fromView, kubernetesResources, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-001',
    title: 'Container runs privileged',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'A privileged container has every Linux capability and access to all host devices. A process that escapes it (for example through an unpatched runc, CVE-2019-5736) owns the node and every other container on it. A Windows HostProcess container (`windowsOptions.hostProcess: true`) needs no escape: it runs as a process of the node.',
    remediation: 'Remove `securityContext.privileged: true` (and `windowsOptions.hostProcess: true`); grant only the specific capabilities the workload needs with `capabilities.add`, after dropping ALL.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://nvd.nist.gov/vuln/detail/CVE-2019-5736'],
    compliance: { 'cis-kubernetes': ['5.2.2'], 'nist-800-53': ['AC-6', 'CM-7'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'PodSecurityPolicy'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      for (const c of containersOf(r)) {
        const path = `${c.path}.securityContext.privileged`;
        const v = asBool(getPath(r.attributes, path));
        if (v === true) out.push({ resource: r, attributePath: path, key: c.path, message: `container "${c.name}" of ${r.type} ${r.name} runs privileged`, evidence: 'securityContext.privileged: true' });
        else if (isUnknown(v)) out.push({ resource: r, attributePath: path, key: c.path, verdict: 'unknown', message: `container "${c.name}" privileged flag is unresolved (${v.toString()})` });
        // Windows HostProcess containers run as processes on the node itself, with its network and file system
        const hp = effectiveSetting(r, c, 'windowsOptions');
        if (isObject(hp.value) && asBool(hp.value.hostProcess) === true)
          out.push({ resource: r, attributePath: `${hp.path}.hostProcess`, key: `${c.path}:hostProcess`, message: `container "${c.name}" of ${r.type} ${r.name} is a Windows HostProcess container, running directly on the node (${hp.level}-level)`, evidence: 'windowsOptions.hostProcess: true' });
      }
    }
    for (const r of kubernetesResources(ctx).filter((x) => x.type === 'PodSecurityPolicy')) {
      if (asBool(getPath(r.attributes, 'spec.privileged')) === true) out.push({ resource: r, attributePath: 'spec.privileged', message: `PodSecurityPolicy ${r.name} admits privileged containers`, evidence: 'privileged: true' });
    }
    return out.map(fromView);
  },
});
