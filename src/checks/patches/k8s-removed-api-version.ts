import { z } from 'zod';
import { asString, getPath } from '../../model/index.js';
import { loadCatalogue } from '../_lib/catalogue.js';
import { eolCatalogue, lookupCycle } from '../_lib/eol.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const catalogueSchema = z.object({
  removed: z.array(z.object({ apiVersion: z.string(), kinds: z.array(z.string()).optional(), removedIn: z.string().regex(/^1\.\d+$/), replacement: z.string() })),
});

/** "1.22" → "1.21": the newest minor release that still serves an API removed in 1.22. */
const previousMinor = (v: string): string => `1.${Number(v.split('.')[1]) - 1}`;

export default defineCheck({
  meta: {
    id: 'TET-PATCH-039',
    title: 'Kubernetes manifest uses an API version removed from Kubernetes',
    pillar: 'patches',
    severity: 'medium',
    description:
      'Kubernetes stops serving beta API versions a few releases after their replacement ships (extensions/v1beta1 and apps/v1beta1 in 1.16, networking.k8s.io/v1beta1 Ingress and rbac.authorization.k8s.io/v1beta1 in 1.22, batch/v1beta1 CronJob and policy/v1beta1 in 1.25, ...). A manifest written against one applies only to clusters older than that release, which are past end of life and no longer receive security fixes; it also blocks upgrading the cluster it runs on.',
    remediation: 'Move the manifest to the served API version the finding names (`kubectl convert` helps), then upgrade the cluster to a supported Kubernetes release.',
    references: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/', 'https://kubernetes.io/releases/patch-releases/'],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2', 'CM-2'] },
    sources: ['kubernetes'],
  },
  run(ctx) {
    const catalogue = loadCatalogue('kubernetes-removed-apis.yaml', catalogueSchema).removed;
    const table = eolCatalogue().kubernetes;
    const out: FindingDraft[] = [];
    for (const r of ctx.fromSource('kubernetes')) {
      const apiVersion = asString(getPath(r.attributes, 'apiVersion'));
      if (apiVersion === undefined) continue;
      const hit = catalogue.find((e) => e.apiVersion === apiVersion && (!e.kinds || e.kinds.includes(r.type)));
      if (!hit) continue;
      const last = previousMinor(hit.removedIn);
      const verdict = lookupCycle(table, last);
      const eol = verdict !== undefined && verdict.status !== 'supported';
      out.push({
        resource: r,
        attributePath: 'apiVersion',
        ...(eol ? {} : { severity: 'low' as const }),
        message: `${r.type} ${r.name} uses ${apiVersion}, which Kubernetes ${hit.removedIn} removed: it applies only to clusters on ${last} or older${eol ? ', all past end of life' : ''}; use ${hit.replacement}`,
        evidence: `apiVersion: ${apiVersion}`,
      });
    }
    return out;
  },
});
