import { containerImages } from '../_lib/k8s-images.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { isDigestPinned } from '../_lib/images.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-015',
    title: 'Container image is not pinned by digest',
    pillar: 'patches',
    severity: 'low',
    description:
      'A tag is a movable pointer: the registry owner (or an attacker with push rights) can point `1.4` at a different build. Without a `@sha256:` digest the cluster cannot prove which build, and so which patch level, a pod runs.',
    remediation: 'Append the image digest (`registry/app:1.4.2@sha256:<digest>`), and let your update tooling (Renovate, Dependabot) bump tag and digest together.',
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier',
    ],
    compliance: { 'nist-800-53': ['CM-2', 'SI-7'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'kubernetes_pod', 'kubernetes_deployment', 'kubernetes_daemonset', 'kubernetes_stateful_set', 'kubernetes_job', 'kubernetes_cron_job'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const ci of containerImages(ctx)) {
      if (isDigestPinned(ci.image)) continue;
      out.push({ resource: ci.resource, attributePath: ci.path, key: ci.container.path, message: `container "${ci.container.name}" image ${ci.image.raw} is not pinned by digest`, evidence: `image: ${ci.image.raw}` });
    }
    return out.map(fromView);
  },
});
