/** Where something was read: a file range (1-based lines) or a live resource URI. */
export interface Location {
  /** path as displayed: relative to the working directory when inside it, POSIX separators */
  file: string;
  startLine: number;
  endLine: number;
  startColumn?: number;
  /** ARN / URI for live resources read from an API instead of a file */
  uri?: string;
}

export function lineRange(file: string, startLine: number, endLine = startLine): Location {
  return { file, startLine, endLine: Math.max(startLine, endLine) };
}
