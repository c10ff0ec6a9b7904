import { asString, getPath, isUnknown, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-014',
    title: 'Cloud SQL instance authorizes the whole internet',
    pillar: 'ports',
    severity: 'critical',
    description:
      'An authorized network of 0.0.0.0/0 on a Cloud SQL instance with a public IP lets any host on the internet connect to the database port; only database credentials protect the data.',
    remediation: 'Remove the 0.0.0.0/0 authorized network; list only the client ranges that need access, or use private IP with the Cloud SQL Auth Proxy.',
    references: ['https://cloud.google.com/sql/docs/mysql/authorize-networks', 'https://cloud.google.com/sql/docs/mysql/configure-private-ip'],
    compliance: { 'cis-gcp': ['6.5'], 'nist-800-53': ['SC-7', 'AC-3'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_sql_database_instance'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('google_sql_database_instance')) {
      list(r.attributes.settings).forEach((_, s) => {
        list(getPath(r.attributes, `settings[${s}].ip_configuration`)).forEach((_c, c) => {
          const base = `settings[${s}].ip_configuration[${c}].authorized_networks`;
          list(getPath(r.attributes, base)).forEach((_n, n) => {
            const path = `${base}[${n}].value`;
            const v = getPath(r.attributes, path);
            const cidr = asString(v)?.trim();
            if (cidr !== undefined && /\/0$/.test(cidr)) {
              out.push({ resource: r, key: path, attributePath: path, message: `Cloud SQL instance ${r.name} authorizes ${cidr}`, evidence: `authorized_networks.value = ${cidr}` });
            } else if (isUnknown(v)) {
              out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `Cloud SQL instance ${r.name}: an authorized network is unresolved (${v.toString()})` });
            }
          });
        });
      });
    }
    return out;
  },
});
