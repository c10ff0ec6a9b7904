import { defineCheck, type FindingDraft } from '../engine/types.js';

const UNSECURED = 'hudson.security.AuthorizationStrategy$Unsecured';
const FULL_CONTROL = 'hudson.security.FullControlOnceLoggedInAuthorizationStrategy';
const NO_REALM = 'hudson.security.SecurityRealm$None';

export default defineCheck({
  meta: {
    id: 'TET-PASS-063',
    title: 'Jenkins lets anyone in without a password',
    pillar: 'passwords',
    severity: 'critical',
    description:
      'The Jenkins global config.xml turns authentication off (`<useSecurity>false</useSecurity>`), uses the "Anyone can do anything" strategy (`AuthorizationStrategy$Unsecured`), grants Overall/Administer to `anonymous` in a matrix strategy, or lets anonymous users read everything under "Logged-in users can do anything" (`denyAnonymousReadAccess` false, medium). Administer on Jenkins is code execution on the controller (script console) and access to every stored credential.',
    remediation: 'Enable security with a security realm (Jenkins user database, LDAP, SSO) and an authorization strategy such as matrix-based or role-based security; give `anonymous` no permission, or Overall/Read at most where required; set `denyAnonymousReadAccess` to true.',
    references: ['https://www.jenkins.io/doc/book/security/managing-security/', 'https://www.jenkins.io/doc/book/security/access-control/'],
    compliance: { 'nist-800-53': ['IA-2', 'AC-3'] },
    sources: ['host'],
    resourceTypes: ['JenkinsConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('JenkinsConfig')) {
      const a = r.attributes;
      if (a.useSecurity === false) {
        out.push({ resource: r, attributePath: 'useSecurity', message: 'useSecurity is false: Jenkins asks nobody to log in and everyone has full control', evidence: '<useSecurity>false</useSecurity>', key: 'useSecurity' });
        continue;
      }
      if (a.authorizationStrategy === UNSECURED) {
        out.push({ resource: r, attributePath: 'authorizationStrategy', message: 'authorization strategy "Anyone can do anything" (AuthorizationStrategy$Unsecured): anonymous users have full control', evidence: `authorizationStrategy ${UNSECURED}`, key: 'strategy' });
        continue;
      }
      const perms = (Array.isArray(a.permissions) ? a.permissions : []) as string[];
      perms.forEach((p, i) => {
        const parts = p.split(':');
        const sid = parts[parts.length - 1];
        const perm = parts.find((x) => /^(hudson|jenkins)\.model\./.test(x));
        if (sid === 'anonymous' && perm === 'hudson.model.Hudson.Administer') {
          out.push({ resource: r, attributePath: `permissions[${i}]`, message: 'the matrix strategy grants Overall/Administer to anonymous: anyone has full control without logging in', evidence: p, key: `perm${i}` });
        }
      });
      if (a.authorizationStrategy === FULL_CONTROL && a.denyAnonymousReadAccess === false && a.securityRealm !== NO_REALM) {
        out.push({ resource: r, attributePath: 'denyAnonymousReadAccess', message: '"Logged-in users can do anything" with anonymous read access: anyone can read jobs, builds and their logs without logging in', evidence: 'denyAnonymousReadAccess false', severity: 'medium', key: 'anonymousRead' });
      }
    }
    return out;
  },
});
