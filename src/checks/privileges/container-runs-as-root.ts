import { asBool, asNumber, getPath, isUnknown } from '../../model/index.js';
import { containersOf, podSpecOf } from '../_lib/kubernetes.js';
import { effectiveSetting } from '../_lib/k8s-security-context.js';
import { fromView, kubernetesResources, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-011',
    title: 'Container may run as root',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'A container whose process runs as UID 0 is root inside its namespace; with a kernel or runtime escape, a writable host mount or an added capability, root in the container becomes root on the node. Unless runAsNonRoot is true or a non-zero runAsUser is set (on the container, or inherited from the pod), the image decides, and most images default to root.',
    remediation:
      'Set `securityContext.runAsNonRoot: true` and a non-zero `runAsUser` on the pod (or on each container); a container-level value overrides the pod-level one, so never set `runAsUser: 0` or `runAsNonRoot: false` on a container.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted', 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    compliance: { 'cis-kubernetes': ['5.2.7'], 'nist-800-53': ['AC-6', 'CM-6'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'PodSecurityPolicy'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      const pod = podSpecOf(r);
      if (pod && getPath(pod.spec, 'os.name') === 'windows') continue;
      for (const c of containersOf(r)) {
        const user = effectiveSetting(r, c, 'runAsUser');
        const nonRoot = effectiveSetting(r, c, 'runAsNonRoot');
        const uid = asNumber(user.value);
        const label = `container "${c.name}" of ${r.type} ${r.name}`;
        if (uid === 0) {
          out.push({ resource: r, key: c.path, attributePath: user.path, message: `${label} runs as UID 0 (root)`, evidence: `${user.level}-level runAsUser: 0` });
          continue;
        }
        if (typeof uid === 'number' && uid > 0) continue;
        const flag = asBool(nonRoot.value);
        if (flag === true) continue;
        const unresolved = isUnknown(uid) ? uid : isUnknown(flag) ? flag : undefined;
        if (unresolved) {
          out.push({ resource: r, key: c.path, attributePath: isUnknown(uid) ? user.path : nonRoot.path, verdict: 'unknown', message: `${label}: whether it runs as root depends on an unresolved value (${unresolved.toString()})` });
          continue;
        }
        if (flag === false)
          out.push({ resource: r, key: c.path, attributePath: nonRoot.path, message: `${label} explicitly allows running as root`, evidence: `${nonRoot.level}-level runAsNonRoot: false` });
        else out.push({ resource: r, key: c.path, attributePath: c.path, message: `${label} sets neither runAsNonRoot: true nor a non-zero runAsUser, so it runs as the image's user (often root)` });
      }
    }
    // PodSecurityPolicy: runAsUser.rule must be MustRunAsNonRoot, or MustRunAs with ranges above 0
    for (const r of kubernetesResources(ctx).filter((x) => x.type === 'PodSecurityPolicy')) {
      const rule = getPath(r.attributes, 'spec.runAsUser.rule');
      if (isUnknown(rule) || rule === 'MustRunAsNonRoot') continue;
      if (rule === 'MustRunAs') {
        const ranges = getPath(r.attributes, 'spec.runAsUser.ranges');
        const mins = Array.isArray(ranges) ? ranges.map((x) => asNumber(getPath(x, 'min'))) : [];
        if (mins.length > 0 && mins.every((m) => typeof m === 'number' && m > 0)) continue;
      }
      const path = rule === undefined ? 'spec' : 'spec.runAsUser.rule';
      out.push({ resource: r, key: 'psp', attributePath: path, message: `PodSecurityPolicy ${r.name} admits containers running as root (runAsUser rule ${typeof rule === 'string' ? rule : 'unset'})`, evidence: `runAsUser.rule: ${typeof rule === 'string' ? rule : '(unset)'}` });
    }
    return out.map(fromView);
  },
});
