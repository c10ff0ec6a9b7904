import { asString, type Value } from '../../model/index.js';
import { imageName, knownAppWorkloads } from '../_lib/k8s-known-apps.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

/** `helm init` labels the Deployment and its pods `app: helm`, `name: tiller`. */
const tillerLabel = (labels: Record<string, Value>): string | undefined => (asString(labels['app']) === 'helm' && asString(labels['name']) === 'tiller' ? 'name' : undefined);

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
    // images Tiller shipped from: gcr.io/kubernetes-helm/tiller, ghcr.io/helm/tiller and their mirrors
    return knownAppWorkloads(ctx, (img) => imageName(img.repository) === 'tiller', tillerLabel)
      .map((m) =>
        fromView({
          resource: m.resource,
          key: m.path,
          attributePath: m.image ? m.path : 'metadata.name',
          message: m.image
            ? `${m.resource.type} ${m.resource.name} runs Tiller (${m.image.raw}), the end-of-life Helm 2 server`
            : `${m.resource.type} ${m.resource.name} carries the labels helm init gives Tiller (app: helm, name: tiller), the end-of-life Helm 2 server`,
          evidence: m.image ? `image: ${m.image.raw}` : 'labels: app=helm, name=tiller',
        }),
      );
  },
});
