import { describe, expect, it } from 'vitest';
import { PILLARS } from '../src/model/index.js';
import { scan } from '../src/scan/scan.js';

// Fixtures are written as of this day: end-of-life decisions (TET-PATCH-*) and
// suppression expiry read it, so the suite does not change verdicts as time passes.
process.env.TETRAD_TODAY = '2026-11-30';

describe('bundled example estates', () => {
  it('the hybrid estate shows findings and parses cleanly', async () => {
    const res = await scan(['examples/hybrid-estate']);
    expect(res.errors).toEqual([]);
    const pillars = new Set(res.findings.map((f) => f.pillar));
    expect([...pillars].sort()).toEqual([...PILLARS].sort());
    // every layer of the estate contributes: Terraform, CloudFormation, Kubernetes, the Dockerfile and the host files
    const files = new Set(res.findings.map((f) => f.location.file.replace(/^examples\/hybrid-estate\//, '').split('/')[0]));
    expect([...files].sort()).toEqual(['aws', 'cloudformation', 'docker', 'hosts', 'kubernetes']);
    // the host web-1: root may log in over SSH, and one account keeps an MD5-crypt hash (never shown);
    const host = res.findings.filter((f) => f.location.file.startsWith('examples/hybrid-estate/hosts/')).map((f) => `${f.checkId} ${f.location.file.replace('examples/hybrid-estate/hosts/', '')}:${f.location.startLine}`);
    // and build-1, a legacy Docker build host: runc before the CVE-2019-5736 fix (matched offline against
    // the estate's advisories/ folder) on Ubuntu 18.04, which is only in paid extended support
    expect(host.sort()).toEqual([
      'TET-PASS-047 web-1/etc/ssh/sshd_config:5',
      'TET-PASS-060 web-1/etc/shadow:6',
      'TET-PATCH-034 build-1/var/lib/dpkg/status:27',
      'TET-PATCH-035 build-1/etc/os-release:6',
    ]);
    const runc = res.findings.find((f) => f.checkId === 'TET-PATCH-034');
    expect(runc?.vulnerability?.ids).toContain('CVE-2019-5736');
    expect(runc?.evidence).toBe('runc 1.0.0~rc4+dfsg1-6 < 1.0.0~rc4+dfsg1-6ubuntu0.18.04.1 (fixed)');
    // the classic breakout: a privileged root container with the Docker socket mounted
    const agent = res.findings.filter((f) => f.resource.id === 'Pod/monitoring/node-agent').map((f) => f.checkId);
    expect(agent).toEqual(expect.arrayContaining(['TET-PRIV-001']));
    expect(agent.length).toBeGreaterThanOrEqual(3);
  });

  it('the hardened estate scans clean', async () => {
    const res = await scan(['examples/hardened-estate']);
    expect(res.errors).toEqual([]);
    expect(res.resources.length).toBeGreaterThan(0);
    expect(res.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine}`)).toEqual([]);
  });
});
