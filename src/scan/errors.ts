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
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
    readonly column?: number,
  ) {
    super(line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`);
  }
}
