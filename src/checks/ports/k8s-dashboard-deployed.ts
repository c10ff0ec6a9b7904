import { asString, type Value } from '../../model/index.js';
import { imageName, knownAppWorkloads } from '../_lib/k8s-known-apps.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

/** k8s.gcr.io/kubernetes-dashboard-amd64 (v1), kubernetesui/dashboard (v2), kubernetesui/dashboard-api|web|auth (v3). */
function isDashboardImage(repository: string): boolean {
  const name = imageName(repository);
  return /^kubernetes-dashboard(?:-(?:amd64|arm64|arm|ppc64le|s390x))?$/.test(name) || (/(?:^|\/)kubernetesui\//.test(repository) && /^dashboard(?:-(?:api|web|auth))?$/.test(name));
}

const LABEL_KEYS = ['k8s-app', 'app', 'app.kubernetes.io/name'];
const dashboardLabel = (labels: Record<string, Value>): string | undefined => LABEL_KEYS.find((k) => /^kubernetes-dashboard(?:-(?:api|web|auth))?$/.test(asString(labels[k]) ?? ''));

/** Flags that let visitors in without their own credentials. */
const OPEN_LOGIN = /^--(?:enable-skip-login|enable-insecure-login)(?:=(?:true|1))?$/i;

export default defineCheck({
  meta: {
    id: 'TET-PORTS-065',
    title: 'Kubernetes Dashboard is deployed',
    pillar: 'ports',
    severity: 'medium',
    description:
      'The Kubernetes Dashboard is a web console that creates, edits and execs into workloads and reads Secrets with the rights of the token it is given (or, with `--enable-skip-login`, of its own service account). Dashboards reachable from outside the cluster are a classic entry point (cluster takeovers and cryptomining have started from an exposed dashboard), and version 1.x has been unmaintained since 2020.',
    remediation: 'Prefer kubectl with short-lived credentials; if the Dashboard is needed, reach it only through `kubectl proxy` or an authenticating proxy, keep `--enable-skip-login` and `--enable-insecure-login` off, and give its service account no more than read access.',
    references: [
      'https://kubernetes.io/docs/tasks/access-application-cluster/web-ui-dashboard/',
      'https://github.com/kubernetes/dashboard/blob/master/docs/common/arguments.md',
    ],
    compliance: { 'nist-800-53': ['CM-7', 'SC-7', 'AC-17'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Deployment', 'Pod', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
  },
  run(ctx) {
    return knownAppWorkloads(ctx, (img) => isDashboardImage(img.repository), dashboardLabel).map((m) => {
      const args = [m.container?.container['args'], m.container?.container['command']].flatMap((v) => (Array.isArray(v) ? v : [])).filter((x): x is string => typeof x === 'string');
      const open = args.filter((a) => OPEN_LOGIN.test(a.trim()));
      const what = m.image ? `runs the Kubernetes Dashboard (${m.image.raw})` : `carries the Kubernetes Dashboard label ${m.label ?? ''}`;
      return fromView({
        resource: m.resource,
        key: m.path,
        attributePath: m.path,
        ...(open.length ? { severity: 'high' as const } : {}),
        message: `${m.resource.type} ${m.resource.name} ${what}${open.length ? `, with ${open.join(' and ')} (visitors need no credentials of their own)` : ''}`,
        evidence: m.image ? `image: ${m.image.raw}${open.length ? `; ${open.join(' ')}` : ''}` : m.label ?? '',
      });
    });
  },
});
