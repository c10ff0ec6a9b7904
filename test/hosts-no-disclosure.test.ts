/**
 * Host files never disclose what they protect: an /etc/shadow hash is read
 * for its algorithm and dropped (not in the model resource, not in any report
 * format), and the passwords found in Tomcat and Grafana configurations
 * appear masked only. Every check runs, so a check of another kind reading the
 * same files is held to the same rule.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../src/report/json.js';
import { renderSarif } from '../src/report/sarif.js';
import { renderTable } from '../src/report/table.js';
import { scan } from '../src/scan/scan.js';

/** Made-up hashes of each kind, salts and digests distinct so any 6-character window is recognisable. */
const HASHES = {
  md5: '$1$Qv7Lr2Xk$Hn4Tz9Wc3Pb6Md1Ks8Fj0Y',
  des: 'Wq4Zn8Lt2Hv6R',
  sha512: '$6$Mb3Xq8Kz$Ty2Lp7Vn4Rc9Hd1Jf6Ws3Qa8Ez5Gk0Bu2Ni7Ox4Pm9Cl1Dv6Yr3Ht8Sw5Fg0Kj2Lq7Zx4Vb9Nm1Aq6Ws3Ed8R',
  yescrypt: '$y$j9T$Pk5Wd8Qm2Ls6Nv3Xc7Bz$Rt1Gy4Hu8Ji2Ko6Lp0Mn3Bv7Cx9Za5Sd1Fg4Hj8K',
  bcrypt: '$2b$12$Ux7Rk3Vq9Lz2Wm5Tn8Pb1eCd4Fg7Hj0Kl3Mn6Pq9Rs2Tu5Vw8Xy1Z',
};
const PASSWORDS = ['tomcat', 'Dq7-Lm2x-Vb9k-Rt4w', 'grafana'];

/** Every 6-character window of a secret (for a hash, of the part after its `$id$`). */
function windows(secret: string): string[] {
  const body = secret.replace(/^\$[^$]+\$/, '');
  const out: string[] = [];
  for (let i = 0; i + 6 <= body.length; i++) out.push(body.slice(i, i + 6));
  return out;
}

describe('host files disclose no hash and no password', () => {
  it('shadow hashes are nowhere in the resource or in the JSON, SARIF and table reports; passwords appear masked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-host-secrets-'));
    const files: Record<string, string> = {
      'hosts/app-1/etc/shadow': [
        'root:*:19700:0:99999:7:::',
        `legacy:${HASHES.md5}:15000:0:99999:7:::`,
        `olduser:${HASHES.des}:12000:0:99999:7:::`,
        `alice:${HASHES.sha512}:19800:0:99999:7:::`,
        `bob:${HASHES.yescrypt}:19800:0:99999:7:::`,
        `carol:${HASHES.bcrypt}:19800:0:99999:7:::`,
        'kiosk::19800:0:99999:7:::',
        '',
      ].join('\n'),
      'hosts/app-1/etc/tomcat9/tomcat-users.xml': `<tomcat-users>\n  <user username="tomcat" password="${PASSWORDS[0]}" roles="manager-gui"/>\n  <user username="deploy" password="${PASSWORDS[1]}" roles="manager-script"/>\n</tomcat-users>\n`,
      'hosts/app-1/etc/grafana/grafana.ini': `[server]\nhttp_port = 3000\n[security]\nadmin_password = ${PASSWORDS[2]}\n`,
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    const res = await scan([dir], { cwd: dir });
    const shadow = res.resources.find((r) => r.type === 'ShadowFile')!;
    expect(shadow, 'the shadow file is modelled').toBeDefined();
    // the findings this test relies on are really there
    const ids = res.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine}`);
    expect(ids).toEqual(expect.arrayContaining(['TET-PASS-060 hosts/app-1/etc/shadow:2', 'TET-PASS-060 hosts/app-1/etc/shadow:3', 'TET-PASS-061 hosts/app-1/etc/shadow:7', 'TET-PASS-064 hosts/app-1/etc/tomcat9/tomcat-users.xml:2', 'TET-PASS-062 hosts/app-1/etc/grafana/grafana.ini:4']));

    const resourceText = JSON.stringify(shadow);
    const reports = { json: renderJson(res), sarif: renderSarif(res), table: renderTable(res, { color: false }) };
    for (const [name, secret] of Object.entries(HASHES)) {
      for (const w of windows(secret)) {
        expect(resourceText.includes(w), `${name} hash window "${w}" in the ShadowFile resource`).toBe(false);
        for (const [format, text] of Object.entries(reports)) expect(text.includes(w), `${name} hash window "${w}" in the ${format} report`).toBe(false);
      }
    }
    // passwords of 8+ characters must not appear; short ones ("tomcat") may only be part of names and paths, never of evidence
    for (const [format, text] of Object.entries(reports)) for (const w of windows(PASSWORDS[1]!)) expect(text.includes(w), `password window in the ${format} report`).toBe(false);
    const tomcat = res.findings.find((f) => f.checkId === 'TET-PASS-064')!;
    expect(tomcat.evidence).toMatch(/^username=tomcat password=\*+ \(6 chars/);
    const grafana = res.findings.find((f) => f.checkId === 'TET-PASS-062')!;
    expect(grafana.evidence).toMatch(/^admin_password = \*+ \(7 chars/);
  });
});
