/**
 * Every scanned text file, read for secrets (`source: 'text'`).
 *
 * This source reads files ALONGSIDE the others (`alongside: true`): it sees
 * every discovered text file, including the ones the Terraform, Kubernetes,
 * Dockerfile... sources claim, so a key in a `.tf` comment, an `.env`, a
 * `.properties`, a Python or shell script or a `.pem` is found too. Discovery
 * has already skipped binary files (a NUL byte in the first 8 KiB) and files
 * over the size limit; this source also leaves files over 4 MiB to the other
 * sources (a 100 MB plan is read by the plan source, whose resource checks
 * look for the same secrets, and reading it twice would double the scan).
 *
 * One resource per file that holds at least one candidate (a file without
 * any makes no resource, so a 10,000-file tree does not grow the model):
 * `type: 'TextFile'`, `provider: 'generic'`, `id: 'TextFile:<display path>'`,
 * `name` = the path, location = the whole file. Attributes:
 *
 * ```
 * path:      display path
 * extension: ".env", ".py", "" ...
 * code:      true for programming-language files (.ts, .js, .py, .go, .java...)
 * documentation: true for .md, .rst, .txt, .html... files
 * test:      true for test code and test data (by path: a tests/fixtures folder, *.test.*, test_*.py)
 * secrets: [{ detector, rule, kind, name?, value, quoted?, line, endLine, column }]
 * ```
 * (`SecretCandidate` in `detect.ts`). `attributeLocations['secrets[i]']` is
 * the candidate's line. `value` is the secret itself, like any attribute value
 * in the model: checks mask it (`maskSecret`) before it reaches a message.
 *
 * Errors: a file that cannot be read is an `io` error; secretlint failing on
 * a file is a parse error naming the file (the own detectors still run).
 */
import { extname } from 'node:path';
import type { Resource } from '../../model/index.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import type { ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import type { Source, SourceOutput } from '../types.js';
import { detectSecrets, type SecretCandidate } from './detect.js';

/** Files larger than this are left to the sources that model them. */
export const MAX_TEXT_SCAN_BYTES = 4 * 1024 * 1024;

/** Programming-language files: only quoted literals count as assigned secrets there (`password: string` is a type). */
const CODE_EXTENSIONS = new Set([
  '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.py', '.go', '.java', '.kt', '.kts', '.scala', '.groovy', '.rb', '.php', '.cs', '.rs', '.swift', '.c', '.cc', '.cpp', '.h', '.hpp', '.m', '.dart', '.lua', '.pl', '.r', '.vue', '.svelte',
]);

/** Documentation: prose is full of `Password: see below` lines, so like code only quoted literals count. */
const DOC_EXTENSIONS = new Set(['.md', '.markdown', '.mdx', '.rst', '.adoc', '.txt', '.html', '.htm', '.tex']);

/**
 * Test code and test data (a `test`/`tests`/`__tests__`/`testdata`/`fixtures`
 * folder, a `*.fixtures` folder, `*.test.*`, `*.spec.*`, `*_test.*`,
 * `test_*.py`): the generic assignment check leaves these to the specific
 * detectors, since fake passwords are what tests are made of.
 */
const TEST_PATH = /(^|\/)(tests?|__tests__|testdata|test-data|fixtures|__fixtures__|[^/]+\.fixtures|spec|specs)\/|(^|\/)[^/]+[._](test|spec)\.[^/]+$|(^|\/)test_[^/]+\.py$/i;

export const textFilesSource: Source = {
  kind: 'text',
  alongside: true,
  claims(file: DiscoveredFile): boolean {
    // tar archives (image tarballs) are binary: discovery keeps them for the image source only
    return file.archive === undefined && file.size <= MAX_TEXT_SCAN_BYTES;
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readSourceText(file);
      } catch (err) {
        errors.push({ kind: 'io', file: file.displayPath, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, source: 'text' });
        continue;
      }
      let secrets: SecretCandidate[];
      try {
        const ext = extname(file.path).toLowerCase();
        secrets = await detectSecrets(text, file.path, { quotedOnly: CODE_EXTENSIONS.has(ext) || DOC_EXTENSIONS.has(ext) });
      } catch (err) {
        // the detector's own message may quote the text: only its class goes out
        errors.push({ kind: 'parse', file: file.displayPath, message: `secret detection failed (${(err as Error).name})`, source: 'text' });
        continue;
      }
      if (secrets.length === 0) continue;
      resources.push(toResource(file, text, secrets));
    }
    return { resources, errors };
  },
};

function toResource(file: DiscoveredFile, text: string, secrets: SecretCandidate[]): Resource {
  const ext = extname(file.path).toLowerCase();
  const lines = text.length === 0 ? 1 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const attributeLocations: Resource['attributeLocations'] = {};
  secrets.forEach((s, i) => {
    attributeLocations[`secrets[${i}]`] = { file: file.displayPath, startLine: s.line, endLine: s.endLine };
  });
  return {
    id: `TextFile:${file.displayPath}`,
    type: 'TextFile',
    provider: 'generic',
    source: 'text',
    name: file.displayPath,
    attributes: {
      path: file.displayPath,
      extension: ext,
      code: CODE_EXTENSIONS.has(ext),
      documentation: DOC_EXTENSIONS.has(ext),
      test: TEST_PATH.test(file.displayPath),
      secrets: secrets.map((s) => ({ ...s }) as unknown as Resource['attributes']),
    },
    location: { file: file.displayPath, startLine: 1, endLine: Math.max(1, lines) },
    attributeLocations,
    references: [],
  };
}
