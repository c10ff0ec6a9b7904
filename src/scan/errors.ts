/** A problem that did not stop the scan: a malformed file, a failing check, a skipped file. */
export interface ScanError {
  kind: 'parse' | 'check' | 'io' | 'skipped' | 'config';
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** source that reported it (terraform, kubernetes, ...) */
  source?: string;
}

/** Thrown by a parser for one file; the scan records it and goes on. */
export class ParseError extends Error {
  /** the message without the "file:line: " prefix */
  readonly detail: string;
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
    readonly column?: number,
  ) {
    super(line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`);
    this.detail = message;
  }
}

/** The error entry for a failure while a source read `file`: a ParseError keeps its own file, line and column. */
export function toScanError(err: unknown, file: string, source: string): ScanError {
  if (err instanceof ParseError) return { kind: 'parse', file: err.file, line: err.line, column: err.column, message: err.detail, source };
  return { kind: 'parse', file, message: (err as Error).message, source };
}
