import { awsKeyIds, isPlaceholder, knownTokens, looksLikePath, looksSecretName, secretAssignments, urlCredentials } from './secrets.js';

/**
 * Credentials written on a command line: `curl -u user:pass`, `mysql -pX`,
 * `sshpass -p X`, `echo "u:p" | chpasswd`, `--password=X`, `NAME=value`
 * assignments with a secret-looking name, URLs with passwords and AWS key
 * ids. Values that are variables (`$X`, `${X}`, `$(cmd)`) or placeholders
 * are not literals and are skipped. Shared by the Dockerfile RUN and the
 * Kubernetes command/args checks.
 */
export interface CommandSecret {
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
  // .netrc lines written by the build: machine host login user password secret
  { what: 'netrc password', re: /\blogin\s+\S+\s+password\s+(["']?)([^\s"'>]+)\1/g, group: 2 },
  // docker login -u user -p password (the CLI itself warns that this is insecure)
  { what: 'docker login password (-p)', re: /\bdocker\s+login\b[^;&|\n]*?\s-p(?:\s+|=)?(["']?)([^\s"'-][^\s"']*)\1/g, group: 2 },
  // mysqladmin -u root password NEW
  { what: 'mysqladmin password', re: /\bmysqladmin\b[^;&|\n]*?\spassword\s+(["']?)([^\s"']+)\1/g, group: 2 },
  // redis-server --requirepass X / --masterauth X (also as "requirepass X" in a config line)
  { what: 'Redis password (requirepass/masterauth)', re: /(?:^|\s)(?:--)?(?:requirepass|masterauth)\s+(["']?)([^\s"'-][^\s"']*)\1/g, group: 2 },
  // redis-cli -a password
  { what: 'redis-cli password (-a)', re: /\bredis-cli\b[^;&|\n]*?\s-a\s+(["']?)([^\s"'-][^\s"']*)\1/g, group: 2 },
  // openssl passwd -6 password (hashes a literal for useradd -p / chpasswd -e)
  { what: 'openssl passwd input', re: /\bopenssl\s+passwd\s+(?:-(?:salt|in)\s+\S+\s+|-\w+\s+)*(["']?)([^\s"')$-][^\s"')]*)\1/g, group: 2 },
  // htpasswd -b[c] file user password
  { what: 'htpasswd password', re: /\bhtpasswd\s+-[a-zA-Z]*b[a-zA-Z]*\s+\S+\s+\S+\s+(["']?)([^\s"']+)\1/g, group: 2 },
];

export function commandSecrets(command: string): CommandSecret[] {
  const hits: CommandSecret[] = [];
  for (const { what, re, group } of COMMAND_PATTERNS) {
    re.lastIndex = 0;
    for (const m of command.matchAll(re)) {
      const secret = m[group]!;
      if (literal(secret)) hits.push({ what, secret });
    }
  }
  // echo "root:" | chpasswd sets an empty password (a literal too, if a short one)
  if (/\becho\s+(?:-e\s+)?(["']?)[^\s:"'$]+:\1\s*\|\s*(?:sudo\s+)?chpasswd\b/.test(command)) hits.push({ what: 'chpasswd empty password', secret: '' });
  // `--db-password value` (a space instead of "="), as in a Kubernetes args list
  for (const m of command.matchAll(/(?:^|\s)--?([A-Za-z][\w.-]*)\s+(["']?)([^\s"'-][^\s"']*)\2/g)) {
    const [, name, , value] = m;
    if (/^secrets?$/i.test(name!) || !looksSecretName(name!) || !literal(value!) || looksLikePath(value!)) continue;
    if (!hits.some((h) => h.secret === value)) hits.push({ what: `--${name}`, secret: value! });
  }
  for (const a of secretAssignments(command)) if (literal(a.value) && !hits.some((h) => h.secret === a.value)) hits.push({ what: `${a.name}`, secret: a.value });
  for (const c of urlCredentials(command)) if (literal(c.password) && !hits.some((h) => h.secret === c.password)) hits.push({ what: `password in ${c.scheme} URL`, secret: c.password });
  for (const id of awsKeyIds(command)) hits.push({ what: 'AWS access key id', secret: id });
  for (const t of knownTokens(command)) if (!hits.some((h) => h.secret.includes(t.token) || t.token.includes(h.secret))) hits.push({ what: t.name, secret: t.token });
  return hits;
}

