/**
 * Host configuration files collected from machines (`source: 'host'`,
 * `provider: 'host'`): one resource per file, with a location for every
 * directive. Files may sit in a collected tree such as
 * `hosts/web-1/etc/ssh/sshd_config`: the folder above `etc/` names the host
 * (`attributes.host`, else null) and stands for `/` when a file includes
 * another (`attributes.path` is the path as on the host).
 *
 * | type             | files (by name, or by content when the name says nothing)        | module          |
 * |------------------|-------------------------------------------------------------------|-----------------|
 * | `SshdConfig`     | `sshd_config` (+ its `Include`s); `sshd_config.d/*.conf` only through an Include | `sshd.ts` |
 * | `LoginDefs`      | `login.defs`                                                      | `login-defs.ts` |
 * | `PamConfig`      | any file in a `pam.d/` folder                                     | `pam.ts`        |
 * | `PwqualityConf`  | `pwquality.conf`, `pwquality.conf.d/*.conf`                       | `pam.ts`        |
 * | `FaillockConf`   | `faillock.conf`                                                   | `pam.ts`        |
 * | `ShadowFile`     | `shadow`, `shadow-` (account name and hash algorithm only)        | `shadow.ts`     |
 * | `GrafanaIni`     | `grafana.ini`                                                     | `services.ts`   |
 * | `JenkinsConfig`  | `config.xml` with a `<hudson>` root                               | `services.ts`   |
 * | `TomcatUsers`    | `tomcat-users*.xml`                                               | `services.ts`   |
 * | `DatabaseConfig` | `pg_hba.conf`, `my.cnf`/`mysqld.cnf`/`*.cnf`, `redis*.conf`, `mongod*.conf` | `databases.ts` |
 *
 * Content is sniffed only for files without an extension or with `.conf`,
 * `.cnf`, `.ini`, `.cfg` or `.xml`, so documentation that quotes a
 * configuration is not read as one. A malformed line is a scan error at its
 * line and the rest of the file is read; a file that cannot be read at all
 * (invalid XML or YAML) is a scan error and yields no resource.
 */
import { basename, dirname, extname } from 'node:path';
import type { Resource } from '../../model/index.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { toScanError, type ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import type { Source, SourceOptions, SourceOutput } from '../types.js';
import { hostPlace, hostResource, type HostFileInput, type Parsed } from './common.js';
import { looksLikeMongod, looksLikeMysql, looksLikePgHba, looksLikeRedis, parseMongod, parseMysql, parsePgHba, parseRedis } from './databases.js';
import { looksLikeLoginDefs, parseLoginDefs } from './login-defs.js';
import { looksLikePam, parsePam, parseSecurityConf } from './pam.js';
import { looksLikeGrafanaIni, looksLikeJenkins, looksLikeTomcatUsers, parseGrafanaIni, parseJenkins, parseTomcatUsers } from './services.js';
import { looksLikeShadow, parseShadow } from './shadow.js';
import { looksLikeSshd, parseSshd } from './sshd.js';

export type HostKind = 'sshd' | 'sshd-fragment' | 'login-defs' | 'pam' | 'pwquality' | 'faillock' | 'shadow' | 'grafana' | 'jenkins' | 'tomcat' | 'pg-hba' | 'mysql' | 'redis' | 'mongod';

const SNIFFED_EXTENSIONS = new Set(['', '.conf', '.cnf', '.ini', '.cfg', '.xml']);

/** The kind of host file, from its name and, when the name is not enough, its first bytes. */
export function hostKind(path: string, head: string): HostKind | undefined {
  const name = basename(path);
  const parent = basename(dirname(path));
  const ext = extname(name).toLowerCase();
  if (name === 'sshd_config') return 'sshd';
  if (parent === 'sshd_config.d' && ext === '.conf') return 'sshd-fragment';
  if (name === 'login.defs') return 'login-defs';
  if (parent === 'pam.d') return name.startsWith('.') || /~$|\.dpkg-|\.rpm(new|save)$|^README/i.test(name) ? undefined : 'pam';
  if (name === 'pwquality.conf' || (parent === 'pwquality.conf.d' && ext === '.conf')) return 'pwquality';
  if (name === 'faillock.conf') return 'faillock';
  // a file that is only named like the shadow file (a stylesheet asset, notes) must look like one: name:field... lines
  if (name === 'shadow' || name === 'shadow-') return head.trim() === '' || /^[^:\s]+:[^:\n]*:/m.test(head) ? 'shadow' : undefined;
  if (name === 'grafana.ini') return 'grafana';
  if (/^tomcat-users.*\.xml$/i.test(name)) return 'tomcat';
  if (name === 'pg_hba.conf') return 'pg-hba';
  if (name === 'my.cnf' || name === 'mysqld.cnf' || name === 'mariadb.cnf' || name === '50-server.cnf') return 'mysql';
  if (/^redis[\w.-]*\.conf$/.test(name) && !/sentinel/.test(name)) return 'redis';
  if (/^mongod(b)?[\w.-]*\.conf$/.test(name)) return 'mongod';
  if (!SNIFFED_EXTENSIONS.has(ext)) return undefined;
  if (ext === '.xml') return looksLikeJenkins(head) ? 'jenkins' : looksLikeTomcatUsers(head) ? 'tomcat' : undefined;
  if (ext === '' && looksLikeShadow(head)) return 'shadow';
  if (looksLikePam(head)) return 'pam';
  if (looksLikeSshd(head)) return 'sshd';
  if (looksLikeLoginDefs(head)) return 'login-defs';
  if (looksLikePgHba(head)) return 'pg-hba';
  if (looksLikeMysql(head)) return 'mysql';
  if (looksLikeRedis(head)) return 'redis';
  if (looksLikeGrafanaIni(head)) return 'grafana';
  if (looksLikeMongod(head)) return 'mongod';
  return undefined;
}

const PARSERS: Record<Exclude<HostKind, 'sshd-fragment'>, { type: string; parse: (input: HostFileInput, options: SourceOptions) => Parsed }> = {
  sshd: { type: 'SshdConfig', parse: (i, o) => parseSshd(i, o.cwd) },
  'login-defs': { type: 'LoginDefs', parse: parseLoginDefs },
  pam: { type: 'PamConfig', parse: parsePam },
  pwquality: { type: 'PwqualityConf', parse: parseSecurityConf },
  faillock: { type: 'FaillockConf', parse: parseSecurityConf },
  shadow: { type: 'ShadowFile', parse: parseShadow },
  grafana: { type: 'GrafanaIni', parse: parseGrafanaIni },
  jenkins: { type: 'JenkinsConfig', parse: parseJenkins },
  tomcat: { type: 'TomcatUsers', parse: parseTomcatUsers },
  'pg-hba': { type: 'DatabaseConfig', parse: parsePgHba },
  mysql: { type: 'DatabaseConfig', parse: parseMysql },
  redis: { type: 'DatabaseConfig', parse: parseRedis },
  mongod: { type: 'DatabaseConfig', parse: parseMongod },
};

export const hostSource: Source = {
  kind: 'host',
  claims(file: DiscoveredFile): boolean {
    return hostKind(file.path, file.head) !== undefined;
  },
  async load(files: DiscoveredFile[], options: SourceOptions): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    const fragments: DiscoveredFile[] = [];
    for (const file of files) {
      const kind = hostKind(file.path, file.head);
      if (!kind) continue;
      if (kind === 'sshd-fragment') {
        fragments.push(file);
        continue;
      }
      try {
        const text = readSourceText(file);
        const input: HostFileInput = { absPath: file.path, display: file.displayPath, text, place: hostPlace(file.path, file.displayPath) };
        const { type, parse } = PARSERS[kind];
        const parsed = parse(input, options);
        resources.push(hostResource(type, input, parsed));
        errors.push(...parsed.warnings.map((w) => toScanError(w, file.displayPath, 'host')));
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, 'host'));
      }
    }
    // a drop-in file is part of the sshd_config that includes it; one that no scanned sshd_config
    // includes is not judged alone (sshd would not read it, and its defaults come from the main file)
    void fragments;
    return { resources, errors };
  },
};
