/** Weak or common hard-coded passwords raise a finding's severity; strong ones keep the check's own. */
import { describe, expect, it } from 'vitest';
import { loadBuiltinChecks } from '../src/checks/engine/builtin.js';
import { scan } from '../src/scan/scan.js';

async function findings(id: string, path: string) {
  const checks = (await loadBuiltinChecks()).filter((c) => c.meta.id === id);
  return (await scan([path], { checks })).findings.map((f) => `${f.location.startLine} ${f.severity}`);
}

describe('password severity follows strength', () => {
  it('container env: "changeme" is critical, a random secret stays high', async () => {
    expect(await findings('TET-PASS-017', 'src/checks/passwords/kubernetes-env-literal-secret.fixtures/fail/deployment.yaml')).toEqual(['20 critical', '28 high', '30 high']);
  });
  it('AWS databases: guessable passwords are critical, fair and strong ones high', async () => {
    const got = await findings('TET-PASS-001', 'src/checks/passwords/aws-database-hardcoded-password.fixtures/fail/databases.tf');
    expect(got).toContain('7 high'); // foobarbaz: zxcvbn rates it fair
    expect(got).toContain('14 high'); // Qm7!vR2#kL9@xT4w, from a variable default
    expect(got).toContain('42 critical'); // Password123!
  });
  it('vendor default passwords count as common: PGPASSWORD=postgres is critical', async () => {
    expect(await findings('TET-PASS-017', 'src/checks/passwords/kubernetes-env-literal-secret.fixtures/fail/cronjob.yaml')).toEqual(['17 critical']);
  });
  it('policy checks keep their fixed severity', async () => {
    expect(await findings('TET-PASS-012', 'src/checks/passwords/iam-password-policy-min-length.fixtures/fail/policy.tf')).toEqual(['2 medium']);
  });
});
