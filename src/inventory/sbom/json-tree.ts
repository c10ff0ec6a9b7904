/**
 * A JSON document with positions: `jsonc-parser`'s tree (strict: no comments,
 * no trailing commas) plus a line index, so every SBOM entry is located at the
 * line where its object starts.
 */
import { parseTree, getNodeValue, type Node } from 'jsonc-parser';
import { jsonSyntaxError } from '../../sources/shared/json-error.js';

export type { Node } from 'jsonc-parser';

export interface JsonDoc {
  root: Node;
  /** 1-based line of a character offset */
  lineAt(offset: number): number;
}

/** Parses `text`; a syntax error throws a ParseError naming the file, line and column. */
export function parseJsonTree(text: string, file: string): JsonDoc {
  const errors: Array<{ error: number; offset: number; length: number }> = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) throw jsonSyntaxError(text, file, 'invalid JSON');
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    root,
    lineAt(offset: number): number {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}

/** The value node of `key` in an object node. */
export function prop(node: Node | undefined, key: string): Node | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  for (const p of node.children) {
    const [k, v] = p.children ?? [];
    if (k && k.value === key) return v;
  }
  return undefined;
}

/** The string value of `key`, or undefined when absent or not a string. */
export function str(node: Node | undefined, key: string): string | undefined {
  const v = prop(node, key);
  return v && v.type === 'string' ? (v.value as string) : undefined;
}

/** The elements of an array node (none for anything else). */
export function items(node: Node | undefined): Node[] {
  return node && node.type === 'array' ? (node.children ?? []) : [];
}

export function valueOf(node: Node): unknown {
  return getNodeValue(node);
}
