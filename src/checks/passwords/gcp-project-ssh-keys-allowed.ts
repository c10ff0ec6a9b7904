import { isUnknown, type Resource } from '../../model/index.js';
import { INSTANCE_TYPES, metadataKey, projectMetadataValues, sameProject } from '../_lib/gcp-metadata.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-069',
    title: 'GCP VM accepts project-wide SSH keys',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'Unless `block-project-ssh-keys` is true, a VM lets in every SSH key in the project\'s metadata: one shared key pair, often held by many people and never rotated, opens every VM of the project, and removing a person means editing project metadata rather than their access. With OS Login enabled, metadata keys are ignored and the VM is not affected.',
    remediation: 'Set `block-project-ssh-keys = "TRUE"` in the instance (or template) metadata and use instance-level keys, or better enable OS Login (`enable-oslogin = "TRUE"`) so access follows IAM.',
    references: ['https://cloud.google.com/compute/docs/connect/restrict-ssh-keys#block-keys', 'https://cloud.google.com/compute/docs/oslogin'],
    compliance: { 'cis-gcp': ['4.3'], 'nist-800-53': ['IA-5', 'AC-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: INSTANCE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const instances = ctx.ofType(...INSTANCE_TYPES);
    if (!instances.length) return out;
    // OS Login on for the project (and not switched off on the VM) makes metadata keys irrelevant
    const projectOsLogin = projectMetadataValues(ctx, 'enable-oslogin').filter((v) => v.value === true);
    for (const r of instances as Resource[]) {
      const osLogin = metadataKey(r, 'enable-oslogin');
      const projectOn = projectOsLogin.some((v) => sameProject(v.resource, r));
      if (osLogin?.value === true || (projectOn && osLogin?.value === undefined)) continue;
      const block = metadataKey(r, 'block-project-ssh-keys');
      const label = `${r.type} ${r.name}`;
      if (block && isUnknown(block.value)) out.push({ resource: r, attributePath: block.path, verdict: 'unknown', message: `${label}: block-project-ssh-keys is unresolved (${block.value.toString()})` });
      else if (block?.value === true) continue;
      else if (block) out.push({ resource: r, attributePath: block.path, message: `${label} sets block-project-ssh-keys to ${String(block.raw)}: every project-wide SSH key logs in`, evidence: `block-project-ssh-keys = ${String(block.raw)}` });
      else if (osLogin && isUnknown(osLogin.value)) out.push({ resource: r, attributePath: osLogin.path, verdict: 'unknown', message: `${label}: enable-oslogin is unresolved (${osLogin.value.toString()})` });
      else out.push({ resource: r, attributePath: r.attributes.metadata === undefined ? undefined : 'metadata', message: `${label} does not block project-wide SSH keys (block-project-ssh-keys not set, OS Login not enabled)`, evidence: 'block-project-ssh-keys not set' });
    }
    return out;
  },
});
