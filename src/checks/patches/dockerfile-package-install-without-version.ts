import { dockerfiles, redactCommand, runCommandsOf } from '../_lib/dockerfile-stages.js';
import { simpleCommands, unwrapCommand } from '../_lib/shell-words.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** How one package manager's install command names packages and versions. */
interface Manager {
  name: string;
  /** the command word (basename) */
  binaries: RegExp;
  /** sub-command words that install the operands (the first non-option word must be one) */
  install: Set<string>;
  /** options that consume the next word (when not written `--opt=value`) */
  valued: Set<string>;
  /** options after which the operands are files, not package names (`pip install -r`) */
  fileOptions?: Set<string>;
  /** an option that gives the version for the whole command (`gem install x -v 1.2`) */
  versionOption?: Set<string>;
  /** does this operand carry a version? */
  versioned: (operand: string) => boolean;
}

/** Operands that are not registry package names: paths, URLs, archives, variables (their version is not visible). */
const NOT_A_NAME = /^[./~]|:\/\/|^(?:git\+|git:|github:|file:|https?:)|\.(?:deb|rpm|apk|whl|gem|tgz|tar\.gz|zip)$|\$/;

const MANAGERS: Manager[] = [
  {
    name: 'apt-get',
    binaries: /^(?:apt-get|apt|aptitude)$/,
    install: new Set(['install']),
    valued: new Set(['-t', '--target-release', '--default-release', '-o', '--option', '-c', '--config-file', '-a', '--host-architecture']),
    // name=version; name/release picks a suite, not a version
    versioned: (p) => p.includes('='),
  },
  {
    name: 'apk',
    binaries: /^apk$/,
    install: new Set(['add']),
    valued: new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--dir', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']),
    versioned: (p) => /[=~<>]/.test(p),
  },
  {
    name: 'yum/dnf',
    binaries: /^(?:yum|dnf|microdnf|tdnf|zypper)$/,
    install: new Set(['install', 'in']),
    valued: new Set(['-c', '--config', '--installroot', '--releasever', '--repo', '--repoid', '-r', '--from', '-t', '--type', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude']),
    // name-1.2.3, name-1.2-3.el9, name = 1.2, name >= 1, groups (@x) and module streams (name:stream)
    versioned: (p) => /-\d|[=<>:]|^@/.test(p),
  },
  {
    name: 'pip',
    binaries: /^pip(?:\d+(?:\.\d+)?)?$/,
    install: new Set(['install']),
    valued: new Set(['-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--no-binary', '--only-binary', '--global-option', '-C', '--config-settings']),
    fileOptions: new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable']),
    // any specifier (==, ~=, >=, ===, !=) or a direct reference (name @ url)
    versioned: (p) => /[=<>~!@]/.test(p),
  },
  {
    name: 'npm',
    binaries: /^(?:npm|yarn|pnpm)$/,
    install: new Set(['install', 'i', 'add', 'isntall', 'in']),
    valued: new Set(['--prefix', '--registry', '-w', '--workspace', '--tag', '--cache', '--userconfig', '--filter', '-C', '--dir']),
    // name@1.2.3 / @scope/name@^1; `@latest`/`@next` are moving tags, not versions
    versioned: (p) => {
      const at = p.indexOf('@', 1);
      if (at < 0) return false;
      const spec = p.slice(at + 1);
      return spec !== '' && spec !== 'latest' && spec !== 'next';
    },
  },
  {
    name: 'gem',
    binaries: /^gem$/,
    install: new Set(['install', 'i']),
    valued: new Set(['-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '-g', '--file']),
    versionOption: new Set(['-v', '--version']),
    versioned: (p) => p.includes(':'),
  },
];

/** The package operands of an install command that name no version, or [] when it is not one. */
export function unpinnedPackages(words: readonly string[]): { manager: string; packages: string[] } | undefined {
  let cmd = unwrapCommand(words);
  // python -m pip install ...
  if (/^python(?:\d+(?:\.\d+)?)?$/.test(baseName(cmd[0] ?? '')) && cmd[1] === '-m') cmd = cmd.slice(2);
  // yarn global add ...
  if (baseName(cmd[0] ?? '') === 'yarn' && cmd[1] === 'global') cmd = [cmd[0]!, ...cmd.slice(2)];
  const bin = baseName(cmd[0] ?? '');
  const m = MANAGERS.find((x) => x.binaries.test(bin));
  if (!m) return undefined;
  const operands: string[] = [];
  let sub: string | undefined;
  let pinnedByOption = false;
  for (let i = 1; i < cmd.length; i++) {
    const w = cmd[i]!;
    if (w.startsWith('-') && w.length > 1) {
      const opt = w.includes('=') ? w.slice(0, w.indexOf('=')) : w;
      if (m.versionOption?.has(opt)) pinnedByOption = true;
      if (!w.includes('=') && (m.valued.has(opt) || m.fileOptions?.has(opt) || m.versionOption?.has(opt))) i++;
      continue;
    }
    if (sub === undefined) {
      sub = w;
      if (!m.install.has(w)) return undefined;
      continue;
    }
    operands.push(w);
  }
  if (sub === undefined || pinnedByOption) return undefined;
  const packages = operands.filter((p) => !NOT_A_NAME.test(p) && !(m.name !== 'npm' && p.includes('/')) && !(m.name === 'npm' && /^[^@][^/]*\/[^/]/.test(p)) && !m.versioned(p));
  return packages.length ? { manager: m.name, packages } : undefined;
}

const SHELL = /^(?:ba|da|a)?sh$/;

/** Commands run through `sh -c "..."` (shell or exec form) are split and read too. */
function expandShell(commands: readonly string[][], depth = 0): string[][] {
  const out: string[][] = [];
  for (const words of commands) {
    const cmd = unwrapCommand(words);
    const c = cmd.indexOf('-c');
    if (depth < 3 && SHELL.test(baseName(cmd[0] ?? '')) && c > 0 && cmd[c + 1] !== undefined) out.push(...expandShell(simpleCommands(cmd[c + 1]!), depth + 1));
    else out.push(words);
  }
  return out;
}

function baseName(w: string): string {
  return w.slice(w.lastIndexOf('/') + 1);
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-037',
    title: 'Dockerfile installs packages without a version',
    pillar: 'patches',
    severity: 'low',
    description:
      '`apt-get install curl`, `apk add`, `yum install`, `pip install`, `npm install` or `gem install` without a version installs whatever the index holds on the day of the build. Two builds of the same Dockerfile then ship different software, a rebuild can silently pull in a broken, vulnerable or hijacked release, and the image cannot say which version it carries when an advisory comes out.',
    remediation: 'Name the version of each package (`apt-get install curl=8.5.0-2`, `apk add curl=8.5.0-r0`, `pip install requests==2.32.3`, `npm install left-pad@1.3.0`, `gem install rake:13.2.1`, `yum install httpd-2.4.62`), or install from a lock file (`pip install -r requirements.txt` with hashes, `npm ci`), and raise the pins deliberately when patches come out.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#apt-get',
      'https://github.com/hadolint/hadolint/wiki/DL3008',
      'https://github.com/hadolint/hadolint/wiki/DL3013',
      'https://github.com/hadolint/hadolint/wiki/DL3016',
      'https://github.com/hadolint/hadolint/wiki/DL3018',
      'https://github.com/hadolint/hadolint/wiki/DL3033',
    ],
    compliance: { 'nist-800-53': ['CM-2', 'SI-2'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      for (const { path, text, exec } of runCommandsOf(r)) {
        // cheap pre-filter: most RUN lines install nothing
        if (!/\b(?:install|add|isntall|in|i)\b/.test(text)) continue;
        const found = new Map<string, string[]>();
        for (const words of exec ? expandShell([exec]) : expandShell(simpleCommands(text))) {
          const u = unpinnedPackages(words);
          if (u) found.set(u.manager, [...(found.get(u.manager) ?? []), ...u.packages]);
        }
        if (!found.size) continue;
        const list = [...found].map(([mgr, pkgs]) => `${mgr}: ${pkgs.slice(0, 6).join(', ')}${pkgs.length > 6 ? `, … (${pkgs.length})` : ''}`).join('; ');
        out.push({ resource: r, key: path, attributePath: path, message: `RUN installs packages without a version (${list})`, evidence: redactCommand(`RUN ${text}`, 160) });
      }
    }
    return out;
  },
});
