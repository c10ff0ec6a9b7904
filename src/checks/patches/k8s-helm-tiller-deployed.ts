import { asString, getPath, type Value } from '../../model/index.js';
import { containerImages } from '../_lib/k8s-images.js';
import { podSpecOf } from '../_lib/kubernetes.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Image repositories Tiller shipped from (gcr.io/kubernetes-helm/tiller, ghcr.io/helm/tiller, mirrors). */
const isTillerImage = (repository: string): boolean => repository.slice(repository.lastIndexOf('/') + 1).toLowerCase() === 'tiller';

/** `helm init` labels the Deployment and its pods `app: helm`, `name: tiller`. */
function hasTillerLabels(labels: Value | undefined): boolean {
  return asString(getPath(labels, 'app')) === 'helm' && asString(getPath(labels, 'name')) === 'tiller';
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-038',
    title: 'Helm v2 Tiller is deployed',
    pillar: 'patches',
    severity: 'high',
    description:
      'Tiller, the in-cluster half of Helm 2, has received no fixes since Helm 2 reached end of life on 13 November 2020. It usually runs with cluster-admin rights and, as `helm init` installs it, serves an unauthenticated gRPC API on port 44134: any pod that reaches it can install or change anything in the cluster.',
    remediation: 'Migrate releases to Helm 3 (`helm 2to3`), which has no in-cluster component, then delete the tiller-deploy Deployment, its Service and its service account binding.',
    references: [
      'https://helm.sh/blog/helm-v2-deprecation-timeline/',
      'https://helm.sh/docs/topics/v2_v3_migration/',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2', 'CM-7'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Deployment', 'Pod', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const { resource, image, path } of containerImages(ctx)) {
      if (!isTillerImage(image.repository)) continue;
      seen.add(resource.id);
      out.push({ resource, key: path, attributePath: path, message: `${resource.type} ${resource.name} runs Tiller (${image.raw}), the end-of-life Helm 2 server`, evidence: `image: ${image.raw}` });
    }
    for (const r of kubernetesWorkloads(ctx)) {
      if (seen.has(r.id)) continue;
      const pod = podSpecOf(r);
      const templateLabels = pod ? getPath(r.attributes, `${pod.path.replace(/\.spec$/, '')}.metadata.labels`) : undefined;
      if (!hasTillerLabels(getPath(r.attributes, 'metadata.labels')) && !hasTillerLabels(templateLabels)) continue;
      out.push({ resource: r, attributePath: 'metadata.name', message: `${r.type} ${r.name} carries the labels helm init gives Tiller (app: helm, name: tiller), the end-of-life Helm 2 server`, evidence: 'labels: app=helm, name=tiller' });
    }
    return out.map(fromView);
  },
});
