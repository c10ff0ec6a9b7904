import { dockerfiles, redactCommand, runCommandsOf, stageList, stagesOf } from '../_lib/dockerfile-stages.js';
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
  { re: /\bgit\b[^;&|\n]*\s(?:config\s+(?:--\S+\s+)*http\.sslVerify\s+["']?(?:false|0|no|off)\b|-c\s+http\.sslVerify=["']?(?:false|0|no|off)\b)/i, what: 'git fetches without TLS verification' },
  // also inside printf/echo text, after a literal \n
  { re: /(?:\b|\\n)sslverify\s*=\s*["']?(?:0|false|no|off)\b/i, what: 'yum/dnf repositories skip TLS verification (sslverify)' },
  // the value must be the whole word: NODE_TLS_REJECT_UNAUTHORIZED="0\"" sets `0"`, which Node does not take for 0
  { re: /(?:^|[\s;&|(])(?:export\s+)?(?:(?:NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY)=(?:0|"0"|'0')|NPM_CONFIG_STRICT_SSL=(?:false|"false"|'false')|GOSUMDB=(?:off|"off"|'off'))(?=[\s;&|)]|$)/i, what: 'an environment variable turns off TLS verification' },
  { re: /(?:^|[\s;&|(])(?:export\s+)?(?:GIT_SSL_NO_VERIFY=|PIP_TRUSTED_HOST=\S|GOINSECURE=["']?[^\s"';&|])/i, what: 'an environment variable turns off TLS verification' },
];

/**
 * ENV settings that turn verification off for every later RUN and for the
 * running container (the value as Docker stores it, quotes removed).
 */
const UNVERIFIED_ENV: Record<string, (value: string) => boolean> = {
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v === '0',
  PYTHONHTTPSVERIFY: (v) => v === '0',
  // git turns verification off when the variable is set at all, whatever its value (`GIT_SSL_NO_VERIFY=0` too)
  GIT_SSL_NO_VERIFY: () => true,
  NPM_CONFIG_STRICT_SSL: (v) => /^false$/i.test(v),
  PIP_TRUSTED_HOST: (v) => v.trim() !== '',
  // Go fetches the matching modules over plain HTTP or without certificate checks; GOSUMDB=off skips the checksum database
  GOINSECURE: (v) => v.trim() !== '',
  GOSUMDB: (v) => /^off$/i.test(v),
};

/** The ENV name whose value turns verification off, or undefined. */
export function unverifiedEnv(key: string, value: string): boolean {
  return UNVERIFIED_ENV[key.toUpperCase()]?.(value.trim()) ?? false;
}

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
      'Flags such as `apt-get --allow-unauthenticated`, `apk --allow-untrusted`, `yum --nogpgcheck`, `pip --trusted-host`, `npm config set strict-ssl false`, `curl -k`, `wget --no-check-certificate`, `git -c http.sslVerify=false`, `sslverify=0` in a yum repository, or environment variables (ENV, an ARG default, or a RUN prefix) such as `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY` (any value, even 0), `PIP_TRUSTED_HOST`, `GOINSECURE` and `GOSUMDB=off` let a build accept packages that are not signed by the distribution, or downloads an attacker on the path could replace, so tampered or outdated software ends up in the image.',
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
      for (const st of stagesOf(r)) {
        for (const { entry, path } of stageList(st, 'env')) {
          const key = entry.key;
          const value = entry.value;
          if (typeof key !== 'string' || typeof value !== 'string' || !unverifiedEnv(key, value)) continue;
          out.push({ resource: r, attributePath: path, key: path, message: `ENV ${key} turns off TLS verification for later build steps and the running container`, evidence: `ENV ${key}=${value}` });
        }
        // an ARG with a default is in the environment of every later RUN of the stage
        for (const { entry, path } of stageList(st, 'args')) {
          const key = entry.key;
          const value = entry.default;
          if (typeof key !== 'string' || typeof value !== 'string' || !unverifiedEnv(key, value)) continue;
          out.push({ resource: r, attributePath: path, key: path, message: `ARG ${key} turns off TLS verification for later build steps`, evidence: `ARG ${key}=${value}` });
        }
      }
      for (const { path, text } of runCommandsOf(r)) {
        const what = unverifiedInstall(text);
        if (!what) continue;
        out.push({ resource: r, attributePath: path, key: path, message: `RUN ${what}`, evidence: redactCommand(`RUN ${text}`) });
      }
    }
    return out;
  },
});
