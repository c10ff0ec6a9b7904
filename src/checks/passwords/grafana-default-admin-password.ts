import { defineCheck, type FindingDraft } from '../engine/types.js';
import { isDefaultPassword } from '../_lib/default-credentials.js';
import { maskSecret } from '../_lib/secrets.js';

/** Grafana reads `$__env{X}`, `$__file{path}`, `$__vault{...}` and `${X}` from elsewhere: not a literal. */
const INDIRECT = /^\$__(env|file|vault)\{|^\$\{/;

function get(o: unknown, section: string, key: string): string | null | undefined {
  const s = o && typeof o === 'object' ? (o as Record<string, Record<string, unknown>>)[section] : undefined;
  const v = s?.[key];
  return v === undefined ? undefined : v === null ? null : String(v);
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-062',
    title: 'Grafana keeps the default admin password',
    pillar: 'passwords',
    severity: 'high',
    description:
      'grafana.ini leaves `[security] admin_password` at its default `admin` (written out, or absent so the built-in default applies) or sets another catalogued default, and does not set `disable_initial_admin_creation = true`. The first start then creates the admin/admin server administrator, the first pair any scanner tries; Grafana only suggests changing it on first login. An absent password may still be set through the `GF_SECURITY_ADMIN_PASSWORD` environment variable, which a configuration file cannot show: the message says so.',
    remediation: 'Set `admin_password = $__file{/run/secrets/grafana_admin}` (or `$__env{...}`) with a strong secret, or `disable_initial_admin_creation = true` with SSO; change the password of an existing admin account with `grafana cli admin reset-admin-password`.',
    references: ['https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#admin_password', 'https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#disable_initial_admin_creation'],
    compliance: { 'nist-800-53': ['IA-5(1)', 'CM-6'] },
    sources: ['host'],
    resourceTypes: ['GrafanaIni'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('GrafanaIni')) {
      const sections = r.attributes.sections;
      if (get(sections, 'security', 'disable_initial_admin_creation')?.trim().toLowerCase() === 'true') continue;
      const user = get(sections, 'security', 'admin_user') ?? 'admin';
      const pw = get(sections, 'security', 'admin_password');
      if (pw === undefined || pw === null || pw === '') {
        out.push({ resource: r, attributePath: pw === undefined ? undefined : 'sections.security.admin_password', message: `[security] admin_password is not set: Grafana creates "${user}" with the default password "admin" unless GF_SECURITY_ADMIN_PASSWORD overrides it`, evidence: 'admin_password not set (default admin)' });
        continue;
      }
      if (INDIRECT.test(pw.trim()) || !isDefaultPassword('grafana', pw)) continue;
      out.push({ resource: r, attributePath: 'sections.security.admin_password', message: `[security] admin_password is a default password: the initial administrator "${user}" has a known credential`, evidence: `admin_password = ${maskSecret(pw)}` });
    }
    return out;
  },
});
