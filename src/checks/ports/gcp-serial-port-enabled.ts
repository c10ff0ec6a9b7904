import { isUnknown } from '../../model/index.js';
import { INSTANCE_TYPES, metadataKey, projectMetadataValues, type MetadataValue } from '../_lib/gcp-metadata.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const KEY = 'serial-port-enable';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-042',
    title: 'GCP VM interactive serial console enabled',
    pillar: 'ports',
    severity: 'medium',
    description:
      'With `serial-port-enable` true, the VM\'s serial console is reachable through Google\'s serial port gateway (ssh-serialport.googleapis.com) from any address: VPC firewall rules do not apply to it, and a login prompt on the console accepts local passwords. Set in project metadata it opens the console of every VM of the project.',
    remediation: 'Remove `serial-port-enable` (the default is off) or set it to false on instances and in project metadata; enforce the `compute.disableSerialPortAccess` organization policy.',
    references: ['https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console', 'https://cloud.google.com/compute/docs/instances/interacting-with-serial-console#security'],
    compliance: { 'cis-gcp': ['4.5'], 'nist-800-53': ['AC-17', 'CM-7'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [...INSTANCE_TYPES, 'google_compute_project_metadata', 'google_compute_project_metadata_item'],
  },
  run(ctx) {
    const values: MetadataValue[] = [];
    for (const r of ctx.ofType(...INSTANCE_TYPES)) {
      const v = metadataKey(r, KEY);
      if (v) values.push(v);
    }
    values.push(...projectMetadataValues(ctx, KEY));
    const out: FindingDraft[] = [];
    for (const { resource: r, path, value } of values) {
      const scope = r.type.startsWith('google_compute_project_metadata') ? 'every VM of the project' : `${r.type} ${r.name}`;
      if (isUnknown(value)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${KEY} is unresolved (${value.toString()})` });
      else if (value === true) out.push({ resource: r, attributePath: path, message: `The interactive serial console of ${scope} is enabled (${KEY})`, evidence: `${KEY} = true` });
    }
    return out;
  },
});
