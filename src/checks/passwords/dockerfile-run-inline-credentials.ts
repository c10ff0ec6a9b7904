import { dockerfiles, stageList, stagesOf } from '../_lib/dockerfile.js';
import { awsKeyIds, isPlaceholder, maskSecret, passwordStrength, secretAssignments, urlCredentials } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

interface Hit {
  what: string;
  secret: string;
}

/** A value written in the command itself, not a variable filled in at build time. */
function literal(value: string): boolean {
  return !value.startsWith('$') && !value.includes('$(') && !value.includes('${') && !isPlaceholder(value);
}

/** Command-line forms that carry a password, each with the capture group that holds it. */
const COMMAND_PATTERNS: Array<{ what: string; re: RegExp; group: number }> = [
  // curl -u user:pass, curl --user user:pass, wget --http-password=...
  { what: 'curl credentials (-u user:password)', re: /\bcurl\b[^;&|\n]*?\s(?:-u|--user)\s*(["']?)[^\s:"']+:([^\s"']+)\1/g, group: 2 },
  { what: 'wget password', re: /\bwget\b[^;&|\n]*?\s--(?:http-|ftp-)?password[=\s](["']?)([^\s"']+)\1/g, group: 2 },
  // mysql -uroot -pSecret (no space: a space would make mysql prompt)
  { what: 'MySQL client password (-p)', re: /\bmysql(?:admin|dump|import|sh)?\b[^;&|\n]*?\s-p(["']?)([^\s"';&|-][^\s"';&|]*)\1/g, group: 2 },
  { what: 'sshpass password', re: /\bsshpass\s+-p\s*(["']?)([^\s"']+)\1/g, group: 2 },
  // echo "user:password" | chpasswd
  { what: 'chpasswd password', re: /\becho\s+(?:-e\s+)?(["']?)[^\s:"']+:([^\s"'|]+)\1\s*\|\s*(?:sudo\s+)?chpasswd\b/g, group: 2 },
  // echo "password" | docker login --password-stdin / passwd --stdin
  { what: 'password piped to a login', re: /\becho\s+(?:-n\s+)?(["']?)([^\s"'|]+)\1\s*\|\s*(?:sudo\s+)?(?:docker\s+login\b[^;&\n]*--password-stdin|passwd\s+--stdin)/g, group: 2 },
  // htpasswd -b[c] file user password
  { what: 'htpasswd password', re: /\bhtpasswd\s+-[a-zA-Z]*b[a-zA-Z]*\s+\S+\s+\S+\s+(["']?)([^\s"']+)\1/g, group: 2 },
];

export function runCommandSecrets(command: string): Hit[] {
  const hits: Hit[] = [];
  for (const { what, re, group } of COMMAND_PATTERNS) {
    re.lastIndex = 0;
    for (const m of command.matchAll(re)) {
      const secret = m[group]!;
      if (literal(secret)) hits.push({ what, secret });
    }
  }
  for (const a of secretAssignments(command)) if (literal(a.value) && !hits.some((h) => h.secret === a.value)) hits.push({ what: `${a.name}`, secret: a.value });
  for (const c of urlCredentials(command)) if (literal(c.password) && !hits.some((h) => h.secret === c.password)) hits.push({ what: `password in ${c.scheme} URL`, secret: c.password });
  for (const id of awsKeyIds(command)) hits.push({ what: 'AWS access key id', secret: id });
  return hits;
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-020',
    title: 'Dockerfile RUN command contains a credential',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A `RUN` instruction writes a password, token or access key on its command line (`curl -u user:pass`, `mysql -pSecret`, `echo "root:pw" | chpasswd`, `--password=...`, a URL with a password, an AWS key id). The command is stored in the repository and verbatim in the image history (`docker history --no-trunc`), so every holder of the image has the credential. A weak password raises the severity to critical.',
    remediation:
      'Use a BuildKit secret mount (`RUN --mount=type=secret,id=creds ...`) or an SSH mount (`--mount=type=ssh`) so the credential is only present while the step runs; set account passwords at run time, not at build time.',
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/cli/docker/image/history/', 'https://cwe.mitre.org/data/definitions/798.html'],
    compliance: { 'cis-docker': ['4.10'], 'nist-800-53': ['IA-5(7)'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx.resources)) {
      for (const s of stagesOf(r)) {
        for (const { entry, path } of stageList(s, 'runCommands')) {
          const command = typeof entry.command === 'string' ? entry.command : Array.isArray(entry.exec) ? entry.exec.filter((x) => typeof x === 'string').join(' ') : '';
          const hits = runCommandSecrets(command);
          if (hits.length === 0) continue;
          const weak = hits.some((h) => !h.what.startsWith('AWS') && passwordStrength(h.secret).weak);
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            severity: weak ? 'critical' : 'high',
            message: `RUN command contains ${hits.length === 1 ? 'a credential' : `${hits.length} credentials`}: ${hits.map((h) => h.what).join(', ')}`,
            evidence: hits.map((h) => `${h.what}: ${maskSecret(h.secret, { strength: !h.what.startsWith('AWS') })}`).join('; '),
          });
        }
      }
    }
    return out;
  },
});
