/**
 * Dockerfiles (`source: 'dockerfile'`), read with dockerfile-ast.
 *
 * Claimed files: `Dockerfile`, `Containerfile`, `Dockerfile.*`, `*.Dockerfile`,
 * `*.dockerfile` (any case), and files without a known extension whose first
 * instruction is FROM (or ARGs followed by FROM).
 *
 * One resource per file: `type: 'Dockerfile'`, `provider: 'docker'`,
 * `id: 'Dockerfile:<display path>'`, `name` = the path, location = the whole
 * file. Attributes (lines are 1-based):
 *
 * ```
 * directives:  { syntax?, escape? }                       parser directives
 * globalArgs:  [{ key, default, line }]                   ARGs before the first FROM
 * finalStage:  index of the last stage (the image that is shipped)
 * stages: [{
 *   index, name,                                          name = the AS alias or null
 *   from: { raw, image, registry, repository, tag, digest, platform,
 *           stage,                                        index of the earlier stage it builds on, else null
 *           scratch, line },
 *   instructions: [{ keyword, args, flags, exec?, line, endLine }],   every instruction, FROM included
 *   user:          { raw, name, group, line } | null      last USER of the stage
 *   effectiveUser: same, inherited from the parent stage when this stage has no USER
 *   env:        [{ key, value, line }]
 *   args:       [{ key, default, line }]
 *   expose:     [{ port, endPort, protocol, raw, line }]  "8000-8010/udp" → 8000, 8010, "udp"
 *   labels:     [{ key, value, line }]
 *   healthcheck: { disabled, command, flags, line } | null
 *   runCommands: [{ command, exec, flags, line }]         heredoc bodies for RUN <<EOF
 *   cmd, entrypoint: { exec: string[] | null, shell: string | null, line } | null
 *   workdir: string | null
 * }]
 * ```
 * `args` is the instruction text without flags, continuations joined into one
 * line; `flags` maps `--name` to its value (`--mount`, `--from`, `--chown`...);
 * `exec` holds the JSON (exec) form of RUN/CMD/ENTRYPOINT/SHELL.
 *
 * `FROM`, `USER`, `ENV` and `EXPOSE` are substituted (`$VAR`, `${VAR}`,
 * `${VAR:-x}`, `${VAR:+x}`): FROM with the global ARG defaults, the others
 * with the stage's ARG and ENV values. A variable without a value (set by
 * `--build-arg` or the build platform) makes the affected part `Unknown`:
 * in `FROM ${BASE}:3.19`, with BASE unset, `repository` is Unknown and `tag`
 * is "3.19".
 *
 * attributeLocations: `stages[i]` (FROM line to the stage's last line),
 * `stages[i].from`, `stages[i].user`, `stages[i].healthcheck`, `stages[i].cmd`,
 * `stages[i].entrypoint`, `stages[i].workdir`, and each list entry:
 * `stages[i].instructions[j]`, `.env[k]`, `.args[k]`, `.expose[k]`,
 * `.runCommands[k]`, `.labels[k]`, and `globalArgs[k]`.
 *
 * Errors: an empty file, a file without FROM, an instruction other than ARG
 * before the first FROM, or FROM without an image is a parse error (no
 * resource); an unknown instruction, or one that needs arguments and has
 * none (`USER` alone), is a parse error at its line, but the file is still
 * read (the instruction is listed and contributes nothing else).
 */
import { basename, extname } from 'node:path';
import type { Resource } from '../../model/index.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { readSourceText } from '../../scan/read-text.js';
import type { Source, SourceOutput } from '../types.js';
import { parseDockerfile } from './parse.js';

const BY_NAME = /^(dockerfile|containerfile)(\..+)?$|\.(dockerfile|containerfile)$/i;

/** Extensions other inputs or ordinary files use: a file with one of these is never sniffed as a Dockerfile. */
const KNOWN_EXTENSIONS = new Set([
  '.tf', '.tfvars', '.hcl', '.json', '.yaml', '.yml', '.template', '.md', '.txt', '.rst', '.sh', '.bash', '.ps1', '.py', '.js', '.mjs', '.cjs', '.ts',
  '.go', '.java', '.rb', '.rs', '.c', '.h', '.cpp', '.cs', '.php', '.xml', '.toml', '.ini', '.cfg', '.conf', '.env', '.html', '.css', '.csv', '.lock', '.sum', '.mod',
]);

/** True when the text's first instruction is FROM, or ARGs followed by FROM (comments and blank lines skipped). */
export function looksLikeDockerfile(head: string): boolean {
  let continued = false;
  for (const rawLine of head.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (continued) {
      continued = line.endsWith('\\');
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const keyword = /^([A-Za-z]+)\s/.exec(line)?.[1]?.toUpperCase();
    // `FROM image [AS name]`, nothing else on the line: prose that starts with "From" is not a Dockerfile
    if (keyword === 'FROM') return /^from\s+(--[\w-]+=\S+\s+)*[\w.${}/:@-]+(\s+as\s+[\w.-]+)?$/i.test(line);
    if (keyword !== 'ARG') return false;
    continued = line.endsWith('\\');
  }
  return false;
}

export const dockerfileSource: Source = {
  kind: 'dockerfile',
  claims(file: DiscoveredFile): boolean {
    const name = basename(file.path);
    // BuildKit's per-Dockerfile ignore file (Dockerfile.dockerignore) is not a Dockerfile
    if (/\.dockerignore$/i.test(name)) return false;
    if (BY_NAME.test(name)) return true;
    const ext = extname(name).toLowerCase();
    if (ext !== '' && KNOWN_EXTENSIONS.has(ext)) return false;
    return looksLikeDockerfile(file.head);
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        const { resource, warnings } = parseDockerfile(readSourceText(file), file.displayPath);
        resources.push(resource);
        errors.push(...warnings.map((w) => toScanError(w, file.displayPath, 'dockerfile')));
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, 'dockerfile'));
      }
    }
    return { resources, errors };
  },
};

