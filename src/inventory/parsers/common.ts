/** Helpers shared by the inventory parsers (pure functions, no I/O). */
import { lineRange } from '../../model/location.js';
import type { InstalledPackage, Inventory, InventoryError } from '../types.js';

export type InventoryParser = (text: string, file: string) => Inventory;

/** An empty inventory with one error: what a parser returns for input it cannot read at all. */
export function failed(file: string, message: string, line?: number): Inventory {
  const error: InventoryError = line === undefined ? { file, message } : { file, line, message };
  return { packages: [], errors: [error] };
}

export function pkg(
  file: string,
  foundBy: string,
  ecosystem: string,
  name: string,
  version: string,
  startLine: number,
  endLine = startLine,
  extra: Partial<InstalledPackage> = {},
): InstalledPackage {
  return { ecosystem, name, version, location: lineRange(file, startLine, endLine), foundBy, ...extra };
}

/** Splits text into lines without their terminators (LF or CRLF). */
export function lines(text: string): string[] {
  const out = text.split('\n');
  for (let i = 0; i < out.length; i++) if (out[i]!.endsWith('\r')) out[i] = out[i]!.slice(0, -1);
  return out;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * A line finder over one text: the first line at or after `from` that contains `needle`.
 * Lockfiles parsed with a library lose positions; this recovers the line of each entry by
 * searching forward for its key, which keeps entries in file order and costs one pass.
 */
export class LineFinder {
  private readonly text: string;
  private readonly starts: number[] = [0];
  constructor(text: string) {
    this.text = text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 1-based line of an offset */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  /** line (1-based) of the first occurrence of `needle` at or after line `fromLine`, or undefined */
  find(needle: string, fromLine = 1): number | undefined {
    const start = this.starts[Math.max(0, fromLine - 1)] ?? this.text.length;
    const i = this.text.indexOf(needle, start);
    return i === -1 ? undefined : this.lineOf(i);
  }
}
