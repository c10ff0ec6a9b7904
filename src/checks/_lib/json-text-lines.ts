/**
 * Lines inside a JSON document that was written as a multi-line string: a
 * Terraform heredoc (`policy = <<EOF ... EOF`) or a YAML block scalar
 * (`PolicyDocument: !Sub |`). Sources locate the attribute that holds the
 * string; this finds the line of a key inside it, so a finding can point at
 * `"Action": "*"` rather than at `policy = <<EOF`.
 *
 * jsonc-parser (already used by the sources for JSON error positions) gives
 * the offset of every property; hand-counting braces would break on strings
 * that contain them.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Location } from '../../model/index.js';

/** `Statement[0].Action` → ['Statement', 0, 'Action'] */
export function jsonPathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [];
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Number of lines of a string body as written (a final newline ends the last line, it does not open one). */
function bodyLines(text: string): number {
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

/**
 * The file line of `path` (e.g. `Statement[1].Action`) inside `text`, when
 * `holder` is the location of the attribute whose value is that text written
 * over several lines starting on the line after the attribute: a heredoc
 * (body, then the closing marker) or a block scalar. Returns undefined when
 * the span does not match the text (a one-line string, `jsonencode(...)`,
 * an evaluated template) or the key is not in the text: the caller then keeps
 * the attribute's own line.
 */
export function lineOfJsonKey(holder: Location, text: string, path: string): Location | undefined {
  const lines = bodyLines(text);
  const span = holder.endLine - holder.startLine;
  if (lines < 2 || (span !== lines && span !== lines + 1)) return undefined;
  const segments = jsonPathSegments(path);
  if (segments.length === 0) return undefined;
  let root: Node | undefined;
  try {
    root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    return undefined;
  }
  if (!root) return undefined;
  const node = findNodeAtLocation(root, segments);
  if (!node) return undefined;
  // a property value's parent is the property node, which starts at the key
  const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
  const line = holder.startLine + 1 + countNewlines(text, at);
  if (line > holder.endLine) return undefined;
  return { file: holder.file, startLine: line, endLine: line };
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
