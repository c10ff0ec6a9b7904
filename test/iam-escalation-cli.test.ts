import { describe, expect, it } from 'vitest';
import { tetrad as run } from './support/cli.js';

const tetrad = (...args: string[]) => run(args);
const FAIL = 'src/checks/privileges/iam-escalation-to-admin.fixtures/fail';
const PASS = 'src/checks/privileges/iam-escalation-to-admin.fixtures/pass';

describe('tetrad iam escalation', () => {
  it('prints each escalating principal with its path, techniques and the allowing statements at file:line', () => {
    const r = tetrad('iam', 'escalation', `${FAIL}/escalation.tf`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/user ci \(arn:aws:iam::[0-9]+:user\/ci\) reaches administrator in 1 step/);
    expect(r.stdout).toMatch(/1\. create-policy-version -> administrator/);
    expect(r.stdout).toMatch(/role deployer .* reaches administrator in 2 steps\n {2}1\. passrole-lambda-invoke -> role automation-admin/);
    expect(r.stdout).toMatch(/escalation\.tf:3[0-9]/);
    expect(r.stdout).toMatch(/user auditor .* reaches administrator IF the conditions below hold/);
    // an administrator by its own policies is not an escalation unless --all
    expect(r.stdout).not.toMatch(/user ops/);
    expect(tetrad('iam', 'escalation', `${FAIL}/escalation.tf`, '--all').stdout).toMatch(/user ops .* in 1 step/);
  });

  it('--principal and --format json', () => {
    const r = tetrad('iam', 'escalation', `${FAIL}/escalation.tf`, '--principal', 'deployer', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { principals: Array<{ principal: { name: string }; certainty: string; path: Array<{ technique: string; to: string; statements: Array<{ location?: { file: string } }> }> }> };
    expect(out.principals).toHaveLength(1);
    expect(out.principals[0]!.principal.name).toBe('deployer');
    expect(out.principals[0]!.certainty).toBe('proven');
    expect(out.principals[0]!.path.map((e) => e.technique)).toEqual(['passrole-lambda-invoke', 'administrator']);
    expect(out.principals[0]!.path[1]!.to).toBe('admin');
    expect(out.principals[0]!.path[0]!.statements.some((s) => s.location?.file.endsWith('escalation.tf'))).toBe(true);
  });

  it('says so when nobody escalates, and rejects an unknown principal', () => {
    expect(tetrad('iam', 'escalation', `${PASS}/scoped.tf`).stdout).toBe('No principal can escalate to administrator.\n');
    const bad = tetrad('iam', 'escalation', `${PASS}/scoped.tf`, '--principal', 'nobody');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/nobody/);
  });
});
