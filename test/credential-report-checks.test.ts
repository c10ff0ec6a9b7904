/** Day boundaries of the credential-report checks, decided on "today" (TETRAD_TODAY / setEolToday). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setEolToday } from '../src/checks/_lib/eol.js';
import notRotated from '../src/checks/passwords/credential-report-access-key-not-rotated.js';
import unused from '../src/checks/passwords/credential-report-access-key-unused.js';
import consoleNoMfa from '../src/checks/passwords/credential-report-console-user-without-mfa.js';
import { scan } from '../src/scan/scan.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

function row(user: string, opts: { console?: string; mfa?: boolean; rotated?: string; used?: string; active?: boolean }): string {
  const key = opts.rotated ? [opts.active === false ? 'false' : 'true', opts.rotated, opts.used ?? 'N/A', opts.used ? 'eu-west-1' : 'N/A', opts.used ? 's3' : 'N/A'] : ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  return [user, `arn:aws:iam::111122223333:user/${user}`, '2020-01-01T00:00:00+00:00', opts.console ?? 'false', 'N/A', 'N/A', 'N/A', opts.mfa ? 'true' : 'false', ...key, 'false', 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'false', 'N/A'].join(',');
}

const dir = mkdtempSync(join(tmpdir(), 'tetrad-credchecks-'));
beforeAll(() => setEolToday('2026-11-30'));
afterAll(() => {
  setEolToday();
  rmSync(dir, { recursive: true, force: true });
});

async function findings(rows: string[], check: typeof notRotated): Promise<string[]> {
  writeFileSync(join(dir, 'report.csv'), `${HEADER}\n${rows.join('\n')}\n`);
  const res = await scan([dir], { checks: [check], cwd: dir, loadConfig: false });
  return res.findings.map((f) => f.resource.id.replace('credential-report:', ''));
}

describe('credential report checks', () => {
  it('a key rotated 90 days ago is fine, 91 days ago is not', async () => {
    expect(await findings([row('day90', { rotated: '2026-09-01T00:00:00+00:00', used: '2026-11-29T00:00:00+00:00' }), row('day91', { rotated: '2026-08-31T00:00:00+00:00', used: '2026-11-29T00:00:00+00:00' })], notRotated)).toEqual(['day91']);
  });

  it('an inactive key is never reported, however old', async () => {
    expect(await findings([row('old-inactive', { rotated: '2015-01-01T00:00:00+00:00', active: false })], notRotated)).toEqual([]);
    expect(await findings([row('old-inactive', { rotated: '2015-01-01T00:00:00+00:00', active: false })], unused)).toEqual([]);
  });

  it('unused: last use over 90 days ago, or never used since a rotation over 90 days ago', async () => {
    const rows = [
      row('used-recently', { rotated: '2025-01-01T00:00:00+00:00', used: '2026-11-01T00:00:00+00:00' }),
      row('idle', { rotated: '2025-01-01T00:00:00+00:00', used: '2026-08-01T00:00:00+00:00' }),
      row('never-new', { rotated: '2026-10-01T00:00:00+00:00' }),
      row('never-old', { rotated: '2026-06-01T00:00:00+00:00' }),
    ];
    expect(await findings(rows, unused)).toEqual(['idle', 'never-old']);
  });

  it('console without MFA ignores users without a console password and the root row', async () => {
    const root = '<root_account>,arn:aws:iam::111122223333:root,2019-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
    expect(await findings([root, row('api-only', {}), row('person', { console: 'true' }), row('person-mfa', { console: 'true', mfa: true })], consoleNoMfa)).toEqual(['person']);
  });
});
