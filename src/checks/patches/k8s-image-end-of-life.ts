import { containerImages } from '../_lib/k8s-images.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { imageEol } from '../_lib/images.js';
import { describeVerdict } from '../_lib/eol.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-016',
    title: 'Container image is built on an end-of-life release',
    pillar: 'patches',
    severity: 'high',
    description:
      'The image comes from a release line that no longer receives security fixes (for example node 14, python 2.7, ubuntu 16.04, debian buster, centos), or from a frozen registry such as k8s.gcr.io. Every vulnerability found after its end stays open in the running pod.',
    remediation: 'Move to a supported release of the image (see data/eol.yaml for the dates used), rebuild and redeploy; track image ages with your update tooling.',
    references: [
      'https://endoflife.date/',
      'https://nodejs.org/en/about/previous-releases',
      'https://devguide.python.org/versions/',
      'https://ubuntu.com/about/release-cycle',
      'https://wiki.debian.org/LTS',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'kubernetes_pod', 'kubernetes_deployment', 'kubernetes_daemonset', 'kubernetes_stateful_set', 'kubernetes_job', 'kubernetes_cron_job'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const ci of containerImages(ctx)) {
      const ends = imageEol(ci.image);
      if (ends.length === 0) continue;
      const why = ends.map((e) => `${e.subject} ${describeVerdict(e.verdict)}`).join('; ');
      out.push({ resource: ci.resource, attributePath: ci.path, key: ci.container.path, message: `container "${ci.container.name}" image ${ci.image.raw}: ${why}`, evidence: `image: ${ci.image.raw}` });
    }
    return out.map(fromView);
  },
});
