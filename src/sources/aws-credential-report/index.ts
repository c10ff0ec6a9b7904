/**
 * The IAM credential report (`source: 'aws-credential-report'`): the CSV that
 * `aws iam generate-credential-report` prepares and `aws iam
 * get-credential-report --query Content --output text | base64 -d` returns.
 * The JSON answer of `get-credential-report` itself (`{"Content": "<base64
 * CSV>", "ReportFormat": "text/csv", ...}`) is read too: its CSV is decoded
 * and every row is located at the `Content` line.
 *
 * Claimed files: text whose first line (after a byte-order mark) starts with
 * `user,arn,user_creation_time`, or JSON whose head has `"ReportFormat"` with
 * `text/csv` and `"Content"`.
 *
 * One resource per row: `type: 'aws-iam-credential-report-user'`,
 * `provider: 'aws'`, `id: 'credential-report:<user>'` (the root row is
 * `credential-report:<root_account>`), `name` = the user, location = the row's
 * line. Attributes are the columns as the report writes them, strings
 * (`true`/`false`, ISO 8601 times, `N/A`, `not_supported`, `no_information`),
 * plus `root: boolean`. Every column's attribute location is the row's line.
 * Columns the report adds later are kept; missing columns are absent.
 *
 * Errors: a row that csv-parse cannot read (an unterminated quote, a wrong
 * number of fields) is a parse error at its line and is skipped; the other
 * rows load. A header without the `user` and `arn` columns, or a JSON answer
 * whose `Content` is not base64 CSV, is a parse error for the file.
 */
import { parse } from 'csv-parse/sync';
import type { Resource } from '../../model/index.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import type { Source, SourceOutput } from '../types.js';

export const CREDENTIAL_REPORT_TYPE = 'aws-iam-credential-report-user';
const HEADER = /^\uFEFF?\s*user,arn,user_creation_time/;

export const credentialReportSource: Source = {
  kind: 'aws-credential-report',
  claims(file: DiscoveredFile): boolean {
    if (HEADER.test(file.head)) return true;
    return /\.json$/i.test(file.path) && /"ReportFormat"\s*:\s*"text\/csv"/.test(file.head) && file.head.includes('"Content"');
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        const text = readSourceText(file);
        const out = HEADER.test(file.head) ? readCsv(text, file.displayPath) : readJsonAnswer(text, file.displayPath);
        resources.push(...out.resources);
        errors.push(...out.errors);
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, 'aws-credential-report'));
      }
    }
    return { resources, errors };
  },
};

/**
 * Rows of a credential report CSV. `lineOf` maps a CSV line to the reported
 * line (the identity for a CSV file; the `Content` line for a JSON answer).
 */
export function readCsv(text: string, file: string, lineOf: (csvLine: number) => number = (l) => l): SourceOutput {
  const errors: ScanError[] = [];
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    columns: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // a row csv-parse cannot read is an error at its line; the rest of the report loads
    on_skip: (err) => {
      if (err) errors.push({ kind: 'parse', file, line: lineOf(Number((err as { lines?: number }).lines ?? 1)), message: `credential report row not read: ${err.code ?? 'invalid CSV'}`, source: 'aws-credential-report' });
      return undefined;
    },
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  if (rows.length > 0 && !('user' in rows[0]!.record && 'arn' in rows[0]!.record)) throw new ParseError(file, lineOf(1), 'not a credential report: the header has no user and arn columns');
  const resources: Resource[] = [];
  for (const { record, info } of rows) {
    const line = lineOf(info.lines);
    const user = record.user ?? '';
    if (user === '') {
      errors.push({ kind: 'parse', file, line, message: 'credential report row without a user name; skipped', source: 'aws-credential-report' });
      continue;
    }
    const loc = { file, startLine: line, endLine: line };
    const attributeLocations: Resource['attributeLocations'] = {};
    for (const k of Object.keys(record)) attributeLocations[k] = loc;
    resources.push({
      id: `credential-report:${user}`,
      type: CREDENTIAL_REPORT_TYPE,
      provider: 'aws',
      source: 'aws-credential-report',
      name: user,
      attributes: { ...record, root: user === '<root_account>' },
      location: loc,
      attributeLocations,
      references: [],
    });
  }
  return { resources, errors };
}

function readJsonAnswer(text: string, file: string): SourceOutput {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ParseError(file, undefined, `invalid JSON: ${(err as Error).message}`);
  }
  const content = (doc as { Content?: unknown }).Content;
  const contentLine = lineOfKey(text, '"Content"');
  if (typeof content !== 'string') throw new ParseError(file, contentLine, 'credential report answer without a Content string');
  const csv = Buffer.from(content, 'base64').toString('utf8');
  if (!HEADER.test(csv)) throw new ParseError(file, contentLine, 'Content is not a base64 credential report CSV');
  return readCsv(csv, file, () => contentLine);
}

function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(key);
  if (at < 0) return 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
