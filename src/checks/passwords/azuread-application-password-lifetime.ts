import { isUnknown } from '../../model/index.js';
import { eolToday } from '../_lib/eol.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Longest client secret lifetime accepted here, in days. */
const MAX_DAYS = 365;
const TYPES = ['azuread_application_password', 'azuread_service_principal_password'];

/** Hours in a Go duration such as "8760h", "4320h30m" (what `end_date_relative` takes); undefined when unreadable. */
function durationHours(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.trim()) return undefined;
  return parts.reduce((h, p) => h + Number(p[1]) / (p[2] === 'h' ? 1 : p[2] === 'm' ? 60 : 3600), 0);
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-042',
    title: 'Microsoft Entra application secret valid for more than a year',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'An `azuread_application_password` (or `azuread_service_principal_password`) creates a client secret that is valid for more than a year: `end_date` more than 365 days after its start (or after today when no start is set), `end_date_relative` above 8760h, or neither, which takes the Microsoft Graph default of two years after the start. A client secret is a shared password for the application; the longer it lives the more copies of it exist. Microsoft recommends certificates or federated credentials over secrets and short secret lifetimes, which app management policies can enforce; NIST SP 800-53 IA-5(1). "Today" is the UTC date, or TETRAD_TODAY=YYYY-MM-DD.',
    remediation: 'Prefer a federated identity credential (`azuread_application_federated_identity_credential`) or a managed identity; otherwise set `end_date_relative` to at most 8760h (better 2160h) and rotate with `rotate_when_changed` and a `time_rotating` resource.',
    references: [
      'https://learn.microsoft.com/en-us/graph/api/application-addpassword',
      'https://learn.microsoft.com/en-us/entra/identity-platform/security-best-practices-for-app-registration',
      'https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/resources/application_password',
    ],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['terraform'],
    resourceTypes: TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType(...TYPES)) {
      const end = r.attributes.end_date;
      const relative = r.attributes.end_date_relative;
      if (isUnknown(end) || isUnknown(relative)) {
        out.push({ resource: r, attributePath: isUnknown(end) ? 'end_date' : 'end_date_relative', verdict: 'unknown', message: `${r.name}: the secret's end date is unresolved` });
        continue;
      }
      if (typeof relative === 'string') {
        const hours = durationHours(relative);
        if (hours !== undefined && hours > MAX_DAYS * 24) out.push({ resource: r, attributePath: 'end_date_relative', message: `${r.name} creates a client secret valid for ${Math.round(hours / 24)} days (at most ${MAX_DAYS})`, evidence: `end_date_relative = ${relative}` });
        continue;
      }
      if (typeof end === 'string') {
        const start = typeof r.attributes.start_date === 'string' ? Date.parse(r.attributes.start_date) : Date.parse(`${eolToday()}T00:00:00Z`);
        const days = Math.floor((Date.parse(end) - start) / 86_400_000);
        if (Number.isFinite(days) && days > MAX_DAYS) out.push({ resource: r, attributePath: 'end_date', message: `${r.name} creates a client secret valid for ${days} days (at most ${MAX_DAYS})`, evidence: `end_date = ${end}` });
        continue;
      }
      out.push({ resource: r, message: `${r.name} creates a client secret without an end date: the Graph default makes it valid for two years`, evidence: 'end_date and end_date_relative not set' });
    }
    return out;
  },
});
