import { getPath } from '../../model/index.js';
import { containerImages } from '../_lib/k8s-images.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { isDigestPinned } from '../_lib/images.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-017',
    title: 'Image pull policy keeps a stale copy of a mutable tag',
    pillar: 'patches',
    severity: 'low',
    description:
      '`imagePullPolicy: IfNotPresent` or `Never` makes a node reuse the image it already holds. When the tag is not pinned by digest and is rebuilt with security fixes, pods on nodes with the old copy keep running the unpatched build.',
    remediation: 'Pin the image by digest (then any pull policy is exact), or use `imagePullPolicy: Always` for mutable tags.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy'],
    compliance: { 'nist-800-53': ['CM-2', 'SI-2'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'kubernetes_pod', 'kubernetes_deployment', 'kubernetes_daemonset', 'kubernetes_stateful_set', 'kubernetes_job', 'kubernetes_cron_job'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const ci of containerImages(ctx)) {
      const path = `${ci.container.path}.imagePullPolicy`;
      const policy = getPath(ci.resource.attributes, path);
      if (policy !== 'IfNotPresent' && policy !== 'Never') continue;
      if (isDigestPinned(ci.image)) continue;
      out.push({ resource: ci.resource, attributePath: path, key: ci.container.path, message: `container "${ci.container.name}" pulls ${ci.image.raw} with imagePullPolicy ${policy}; nodes keep serving the copy they already hold`, evidence: `imagePullPolicy: ${policy}` });
    }
    return out.map(fromView);
  },
});
