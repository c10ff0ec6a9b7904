import { isUnknown } from '../../model/index.js';
import { INSTANCE_TYPES, metadataKey, PROJECT_METADATA, projectMetadataValues, sameProject } from '../_lib/gcp-metadata.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const KEY = 'enable-oslogin';

export default defineCheck({
  meta: {
    id: 'TET-PASS-070',
    title: 'GCP OS Login not enabled',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'Without OS Login, SSH access to VMs rests on public keys pasted into instance and project metadata: they are not tied to an identity, do not expire, survive the departure of their owner, and anyone with `compute.instances.setMetadata` can add one. OS Login maps each login to an IAM identity (with optional 2-step verification) and revokes it with the IAM grant.',
    remediation: 'Set `enable-oslogin = "TRUE"` in `google_compute_project_metadata` (or a `google_compute_project_metadata_item`), do not set it to false on instances, and enforce the `compute.requireOsLogin` organization policy.',
    references: ['https://cloud.google.com/compute/docs/oslogin/set-up-oslogin', 'https://cloud.google.com/compute/docs/instances/access-overview'],
    compliance: { 'cis-gcp': ['4.4'], 'nist-800-53': ['IA-2', 'AC-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [PROJECT_METADATA, 'google_compute_project_metadata_item', ...INSTANCE_TYPES],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const project = projectMetadataValues(ctx, KEY);
    for (const { resource: r, path, value, raw } of project) {
      if (isUnknown(value)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${KEY} is unresolved (${value.toString()})` });
      else if (value !== true) out.push({ resource: r, attributePath: path, message: `Project metadata sets ${KEY} to ${String(raw)}: SSH access rests on metadata keys`, evidence: `${KEY} = ${String(raw)}` });
    }
    // a project metadata map that names no enable-oslogin leaves OS Login off, unless a metadata item sets it
    for (const r of ctx.ofType(PROJECT_METADATA)) {
      if (project.some((v) => v.resource === r || (v.resource.type !== PROJECT_METADATA && v.value === true && sameProject(v.resource, r)))) continue;
      out.push({ resource: r, attributePath: r.attributes.metadata === undefined ? undefined : 'metadata', message: `Project metadata does not enable OS Login (${KEY} not set)`, evidence: `${KEY} not set` });
    }
    // an instance that switches OS Login off overrides the project
    for (const r of ctx.ofType(...INSTANCE_TYPES)) {
      const v = metadataKey(r, KEY);
      if (!v) continue;
      if (isUnknown(v.value)) out.push({ resource: r, attributePath: v.path, verdict: 'unknown', message: `${r.type} ${r.name}: ${KEY} is unresolved (${v.value.toString()})` });
      else if (v.value === false) out.push({ resource: r, attributePath: v.path, message: `${r.type} ${r.name} switches OS Login off (${KEY} = ${String(v.raw)})`, evidence: `${KEY} = ${String(v.raw)}` });
    }
    return out;
  },
});
