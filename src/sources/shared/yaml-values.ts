import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import type { Location, Value, ValueObject } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';

export interface YamlDoc {
  /** the document as plain values */
  value: Value;
  /** attribute path (a.b[0].c) to location; "" is the document itself */
  locations: Record<string, Location>;
  startLine: number;
  endLine: number;
  /** the yaml library document, for sources that need tags or comments */
  doc: Document.Parsed;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * Parses a (multi-document) YAML or JSON text into plain values with the
 * line range of every key and list item. Throws ParseError with file and line
 * on the first syntax error.
 */
export function parseYamlDocuments(text: string, file: string, options: Options = {}): YamlDoc[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, ...options });
  if (!Array.isArray(docs)) {
    // an empty stream
    return [];
  }
  const out: YamlDoc[] = [];
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? lineOf(err.pos[0]);
      throw new ParseError(file, line, `YAML syntax error: ${err.message.split('\n')[0]}`, err.linePos?.[0]?.col);
    }
    if (doc.contents === null) continue;
    const locations: Record<string, Location> = {};
    const rangeOf = (node: Node | null | undefined, keyNode?: Node | null): Location | undefined => {
      const start = keyNode?.range?.[0] ?? node?.range?.[0];
      const end = node?.range?.[1] ?? keyNode?.range?.[1];
      if (start === undefined || end === undefined) return undefined;
      // range end points just past the value; step back over trailing newline
      return { file, startLine: lineOf(start), endLine: Math.max(lineOf(start), lineOf(Math.max(start, end - 1))) };
    };
    const convert = (node: unknown, path: string): Value => {
      if (isAlias(node)) return convert(node.resolve(doc), path);
      if (isMap(node)) {
        const obj: ValueObject = {};
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const keyNode = pair.key as Node | null;
          const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
          const childPath = path === '' ? key : `${path}.${key}`;
          const loc = rangeOf(pair.value as Node | null, keyNode);
          if (loc) locations[childPath] = loc;
          obj[key] = convert(pair.value, childPath);
        }
        return obj;
      }
      if (isSeq(node)) {
        return node.items.map((item, i) => {
          const childPath = `${path}[${i}]`;
          const loc = rangeOf(item as Node);
          if (loc) locations[childPath] = loc;
          return convert(item, childPath);
        });
      }
      if (isScalar(node)) {
        const v = node.value;
        if (v === null || v === undefined) return null;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
        if (v instanceof Date) return v.toISOString();
        if (typeof v === 'bigint') return Number(v);
        return (v as { toJSON?: () => Value }).toJSON?.() ?? String(v);
      }
      if (node === null || node === undefined) return null;
      // custom tagged nodes (e.g. CloudFormation !Ref) resolve through their own toJSON
      return (node as { toJSON?: () => Value }).toJSON?.() ?? null;
    };
    const value = convert(doc.contents, '');
    const whole = rangeOf(doc.contents as Node);
    out.push({ value, locations, startLine: whole?.startLine ?? 1, endLine: whole?.endLine ?? 1, doc });
  }
  return out;
}

/** Re-roots locations found under `prefix` (e.g. "items[2]") to paths relative to it. */
export function rebaseLocations(locations: Record<string, Location>, prefix: string): Record<string, Location> {
  const out: Record<string, Location> = {};
  for (const [k, v] of Object.entries(locations)) {
    if (k === prefix) continue;
    if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  }
  return out;
}
