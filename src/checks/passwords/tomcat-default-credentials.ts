import { defineCheck, type FindingDraft } from '../engine/types.js';
import { defaultCredentials, isDefaultPair } from '../_lib/default-credentials.js';
import { maskSecret } from '../_lib/secrets.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-064',
    title: 'Tomcat user with a default password',
    pillar: 'passwords',
    severity: 'high',
    description:
      'tomcat-users.xml defines a user whose name and password are a well-known default pair (tomcat/tomcat, admin/admin, both/tomcat, role1/tomcat..., catalogued in `data/hosts/default-credentials.yaml`) or an empty password. With a Manager or Host Manager role (`manager-gui`, `manager-script`, `admin-gui`...) the pair lets anyone deploy a WAR file, that is run code on the server (critical); otherwise it still opens whatever the role protects.',
    remediation: 'Remove the example users, give the remaining ones long random passwords stored as hashes (a CredentialHandler with `digest.sh`), and restrict the Manager application to local addresses (RemoteAddrValve).',
    references: ['https://tomcat.apache.org/tomcat-10.1-doc/manager-howto.html', 'https://tomcat.apache.org/tomcat-10.1-doc/realm-howto.html'],
    compliance: { 'nist-800-53': ['IA-5(1)', 'CM-6'] },
    sources: ['host'],
    resourceTypes: ['TomcatUsers'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const adminRoles = new Set(defaultCredentials().tomcatAdminRoles);
    for (const r of ctx.ofType('TomcatUsers')) {
      const users = (Array.isArray(r.attributes.users) ? r.attributes.users : []) as { username: string; password: string | null; roles: string[] }[];
      users.forEach((u, i) => {
        if (u.password === null) return;
        const empty = u.password === '';
        if (!empty && !isDefaultPair('tomcat', u.username, u.password)) return;
        const admin = u.roles.filter((role) => adminRoles.has(role));
        const what = empty ? 'an empty password' : 'a default password';
        out.push({
          resource: r,
          attributePath: `users[${i}]`,
          message: `user "${u.username}" has ${what}${admin.length ? ` and the role${admin.length > 1 ? 's' : ''} ${admin.join(', ')}: anyone can deploy code through the Manager application` : ''}`,
          evidence: `username=${u.username} password=${empty ? '(empty)' : maskSecret(u.password)} roles=${u.roles.join(',')}`,
          severity: admin.length ? 'critical' : 'high',
          key: u.username,
        });
      });
    }
    return out;
  },
});
