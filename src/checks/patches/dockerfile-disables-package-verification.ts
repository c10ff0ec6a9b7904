import { dockerfiles, redactCommand, runCommandsOf } from '../_lib/dockerfile-stages.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Flags and settings that make a package manager or downloader accept unverified content. */
const UNVERIFIED: Array<{ re: RegExp; what: string }> = [
  { re: /\b(?:apt-get|apt|aptitude)\b[^;&|\n]*\s(?:--allow-unauthenticated|--force-yes|--allow-insecure-repositories)\b/i, what: 'apt installs unauthenticated packages' },
  { re: /\b(?:apt-get|apt)\b[^;&|\n]*-o\s*["']?APT::Get::AllowUnauthenticated=(?:true|1|yes)/i, what: 'apt installs unauthenticated packages' },
  { re: /\bapk\b[^;&|\n]*\s--allow-untrusted\b/i, what: 'apk accepts untrusted package signatures' },
  { re: /\b(?:yum|dnf|microdnf|tdnf)\b[^;&|\n]*\s--nogpgcheck\b/i, what: 'yum/dnf skips GPG signature checks' },
  { re: /\bzypper\b[^;&|\n]*\s--no-gpg-checks\b/i, what: 'zypper skips GPG signature checks' },
  { re: /\brpm\b[^;&|\n]*\s--nosignature\b/i, what: 'rpm skips signature checks' },
  { re: /\bpip[0-9.]*\b[^;&|\n]*\s--trusted-host\b/i, what: 'pip trusts a host without TLS verification' },
  { re: /\b(?:npm|yarn|pnpm)\s+config\s+set\s+strict-ssl\s+false\b|\b(?:npm|yarn|pnpm)\b[^;&|\n]*\s--strict-ssl[=\s]false\b/i, what: 'npm/yarn turns off TLS verification' },
  { re: /\bcurl\b[^;&|\n]*\s(?:-k|--insecure|-[a-zA-Z]*k[a-zA-Z]*)(?=\s|$)/, what: 'curl downloads without TLS verification' },
  { re: /\bwget\b[^;&|\n]*\s--no-check-certificate\b/i, what: 'wget downloads without TLS verification' },
];

/** What in a command disables verification, or undefined. */
export function unverifiedInstall(command: string): string | undefined {
  return UNVERIFIED.find((u) => u.re.test(command))?.what;
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-029',
    title: 'Dockerfile installs or downloads with signature or TLS verification turned off',
    pillar: 'patches',
    severity: 'medium',
    description:
      'Flags such as `apt-get --allow-unauthenticated`, `apk --allow-untrusted`, `yum --nogpgcheck`, `pip --trusted-host`, `npm config set strict-ssl false`, `curl -k` or `wget --no-check-certificate` let a build accept packages that are not signed by the distribution, or downloads an attacker on the path could replace, so tampered or outdated software ends up in the image.',
    remediation: 'Remove the flag; import the repository signing key or CA certificate the build needs instead, and install only verified packages.',
    references: [
      'https://www.cisecurity.org/benchmark/docker',
      'https://wiki.debian.org/SecureApt',
      'https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host',
    ],
    compliance: { 'cis-docker': ['4.11'], 'nist-800-53': ['SI-7', 'CM-14'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      for (const { path, text } of runCommandsOf(r)) {
        const what = unverifiedInstall(text);
        if (!what) continue;
        out.push({ resource: r, attributePath: path, key: path, message: `RUN ${what}`, evidence: redactCommand(`RUN ${text}`) });
      }
    }
    return out;
  },
});
