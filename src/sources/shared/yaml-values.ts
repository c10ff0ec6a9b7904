import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Alias, type Document, type Node, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
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
  /** local tags (`!Foo`) that `localTags` did not know, with where they were */
  unknownTags: UnknownTag[];
}

/**
 * How to read local tags such as CloudFormation's `!Ref`: `wrap` returns the
 * key a tagged node is wrapped under (`!Ref X` -> `{ Ref: X }`, located at
 * `path.Ref`), or undefined for a tag it does not know, which is then read as
 * if untagged and listed in `unknownTags`. Without `localTags`, tags are
 * ignored.
 */
export interface LocalTags {
  wrap(tag: string): string | undefined;
}

export interface UnknownTag {
  tag: string;
  /** attribute path of the tagged node */
  path: string;
  line: number;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions & { localTags?: LocalTags };

/**
 * Parses a (multi-document) YAML or JSON text into plain values with the
 * line range of every key and list item. Throws ParseError with file and line
 * on the first syntax error.
 */
export function parseYamlDocuments(text: string, file: string, options: Options = {}): YamlDoc[] {
  const { docs, errors } = parseYamlDocumentsTolerant(text, file, options);
  if (errors[0]) throw errors[0];
  return docs;
}

/**
 * Like parseYamlDocuments, but a syntax error only costs its own document:
 * the documents before and after it (separated by `---`) are still returned,
 * and every broken document yields one ParseError with file and line.
 */
export function parseYamlDocumentsTolerant(text: string, file: string, options: Options = {}): { docs: YamlDoc[]; errors: ParseError[] } {
  const lineCounter = new LineCounter();
  const { localTags, ...yamlOptions } = options;
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, ...yamlOptions });
  if (!Array.isArray(docs)) {
    // an empty stream
    return { docs: [], errors: [] };
  }
  const out: YamlDoc[] = [];
  const errors: ParseError[] = [];
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? lineOf(err.pos[0]);
      // the library appends " at line N, column M:" and a code frame; the line is already in the error
      const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      errors.push(new ParseError(file, line, `YAML syntax error: ${message}`, err.linePos?.[0]?.col));
      continue;
    }
    if (doc.contents === null) continue;
    const locations: Record<string, Location> = {};
    const unknownTags: UnknownTag[] = [];
    const rangeOf = (node: Node | null | undefined, keyNode?: Node | null): Location | undefined => {
      const start = keyNode?.range?.[0] ?? node?.range?.[0];
      const end = node?.range?.[1] ?? keyNode?.range?.[1];
      if (start === undefined || end === undefined) return undefined;
      // range end points just past the value; step back over trailing newline
      return { file, startLine: lineOf(start), endLine: Math.max(lineOf(start), lineOf(Math.max(start, end - 1))) };
    };
    // maps and sequences being converted: an alias (or merge key) back to one of them is a cycle
    const active = new Set<unknown>();
    // `Alias.resolve` walks the whole document on every call, which made files with an
    // alias per entry (Compose `<<: *defaults` on each service) quadratic: every alias is
    // resolved once, in one walk, the same way (the last anchor of that name before it)
    let targets: Map<unknown, unknown> | undefined;
    const resolve = (alias: Alias): unknown => {
      if (!targets) {
        const t = new Map<unknown, unknown>();
        const anchors = new Map<string, unknown>();
        visit(doc, {
          Node(_key, n) {
            if (isAlias(n)) t.set(n, anchors.get(n.source));
            else if (n.anchor) anchors.set(n.anchor, n);
          },
        });
        targets = t;
      }
      return targets.has(alias) ? targets.get(alias) : alias.resolve(doc);
    };
    const cycle = (alias: unknown): ParseError =>
      new ParseError(file, rangeOf(alias as Node)?.startLine, `alias *${String((alias as { source?: string }).source ?? '')} refers to a node that contains it`);
    const convert = (node: unknown, path: string, tagRead = false): Value => {
      if (isAlias(node)) {
        const target = resolve(node);
        if (active.has(target)) throw cycle(node);
        return convert(target, path);
      }
      const tag = localTags && !tagRead ? (node as Node | null)?.tag : undefined;
      if (tag?.startsWith('!')) {
        const key = localTags?.wrap(tag);
        if (key === undefined) {
          unknownTags.push({ tag, path, line: rangeOf(node as Node)?.startLine ?? 1 });
          return convert(node, path, true);
        }
        const childPath = path === '' ? key : `${path}.${key}`;
        const loc = rangeOf(node as Node);
        if (loc) locations[childPath] = loc;
        return { [key]: convert(node, childPath, true) };
      }
      if (isMap(node)) {
        active.add(node);
        const obj: ValueObject = {};
        // merge keys (`<<: *defaults`, read with the `merge` option): keys written in
        // the map win over merged ones, and earlier merge sources over later ones
        const merges: unknown[] = [];
        const addPairs = (map: typeof node, fill: boolean): void => {
          for (const pair of map.items) {
            if (!isPair(pair)) continue;
            const keyNode = pair.key as Node | null;
            if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
              merges.push(pair.value);
              continue;
            }
            const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
            if (fill && Object.hasOwn(obj, key)) continue;
            const childPath = path === '' ? key : `${path}.${key}`;
            const loc = rangeOf(pair.value as Node | null, keyNode);
            if (loc) locations[childPath] = loc;
            obj[key] = convert(pair.value, childPath);
          }
        };
        addPairs(node, false);
        const merged = new Set<unknown>([node]);
        for (let i = 0; i < merges.length; i++) {
          const m = isAlias(merges[i]) ? resolve(merges[i] as Alias) : merges[i];
          for (const item of isSeq(m) ? m.items : [m]) {
            const src = isAlias(item) ? resolve(item) : item;
            if (active.has(src)) throw cycle(isAlias(item) ? item : merges[i]);
            if (merged.has(src) || !isMap(src)) continue;
            merged.add(src);
            addPairs(src as typeof node, true);
          }
        }
        active.delete(node);
        return obj;
      }
      if (isSeq(node)) {
        active.add(node);
        const list = node.items.map((item, i) => {
          const childPath = `${path}[${i}]`;
          const loc = rangeOf(item as Node);
          if (loc) locations[childPath] = loc;
          return convert(item, childPath);
        });
        active.delete(node);
        return list;
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
    const whole = rangeOf(doc.contents as Node);
    let value: Value;
    try {
      value = convert(doc.contents, '');
    } catch (err) {
      // a self-referencing alias, or nesting deeper than the stack: this document is lost, the others are not
      if (err instanceof ParseError) errors.push(err);
      else if (err instanceof RangeError) errors.push(new ParseError(file, whole?.startLine, 'document nests too deeply to read'));
      else throw err;
      continue;
    }
    out.push({ value, locations, startLine: whole?.startLine ?? 1, endLine: whole?.endLine ?? 1, doc, unknownTags });
  }
  return { docs: out, errors };
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
