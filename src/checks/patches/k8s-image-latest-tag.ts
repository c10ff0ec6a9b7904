import { containerImages } from '../_lib/k8s-images.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { usesLatest } from '../_lib/images.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-014',
    title: 'Container image uses the latest tag or no tag',
    pillar: 'patches',
    severity: 'medium',
    description:
      'An image without a tag, or tagged `latest`, names whatever was pushed last. Nodes keep the copy they pulled first, so replicas run different, untracked builds; you cannot tell which patches a pod has, and a rollback cannot return to a known version.',
    remediation: 'Reference an explicit, immutable version tag (for example `nginx:1.27.3`), ideally pinned by digest (`nginx:1.27.3@sha256:...`), and update it deliberately.',
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/concepts/configuration/overview/#container-images',
    ],
    compliance: { 'nist-800-53': ['CM-2', 'SI-2'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'kubernetes_pod', 'kubernetes_deployment', 'kubernetes_daemonset', 'kubernetes_stateful_set', 'kubernetes_job', 'kubernetes_cron_job'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const ci of containerImages(ctx)) {
      if (!usesLatest(ci.image)) continue;
      const how = ci.image.tag === null ? 'has no tag (pulls "latest")' : 'uses the "latest" tag';
      out.push({ resource: ci.resource, attributePath: ci.path, key: ci.container.path, message: `container "${ci.container.name}" image ${ci.image.raw} ${how}`, evidence: `image: ${ci.image.raw}` });
    }
    return out.map(fromView);
  },
});
