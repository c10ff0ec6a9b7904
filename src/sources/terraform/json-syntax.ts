import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Value } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import type { Attribute, Block, Body, Expr } from './ast.js';
import { parseHclExpression } from './hcl-parser.js';

/**
 * The JSON syntax of Terraform (`.tf.json`) → the same AST as native HCL.
 * JSON is read with the `yaml` package for its node positions. Without a
 * provider schema, JSON cannot tell a nested block from a map attribute, so:
 * an array of objects reads as nested blocks (the same value either way), an
 * object as a map attribute, except for `dynamic`, `lifecycle` and the
 * top-level block types, whose label depth Terraform defines. Strings are
 * templates: `"${var.x}"` is evaluated like in HCL.
 */
const LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, terraform: 0, moved: 0, import: 0, check: 1 };

export function parseTfJson(text: string, file: string): Body {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, version: '1.2' });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line;
    throw new ParseError(file, line, `JSON syntax error: ${err.message.split('\n')[0]}`, err.linePos?.[0]?.col);
  }
  const root = doc.contents as Node | null;
  if (root === null) return { attrs: [], blocks: [] };
  if (!isMap(root)) throw new ParseError(file, 1, 'a .tf.json file must hold a JSON object');
  return new JsonConverter(file, text, lc).topLevel(root);
}

class JsonConverter {
  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly lc: LineCounter,
  ) {}

  private lines(n: Node | null | undefined, keyNode?: Node | null): { line: number; endLine: number; text: string } {
    const start = keyNode?.range?.[0] ?? n?.range?.[0] ?? 0;
    const vStart = n?.range?.[0] ?? start;
    const end = n?.range?.[1] ?? start;
    return { line: this.lc.linePos(start).line, endLine: this.lc.linePos(Math.max(start, end - 1)).line, text: this.text.slice(vStart, end) };
  }

  topLevel(root: Node): Body {
    const body: Body = { attrs: [], blocks: [] };
    if (!isMap(root)) return body;
    for (const pair of root.items) {
      const key = keyOf(pair.key as Node);
      if (key === undefined || key === '//') continue;
      const depth = LABELS[key];
      if (depth === undefined) continue;
      this.blocksAt(key, [], depth, pair.value as Node, pair.key as Node, body.blocks);
    }
    return body;
  }

  /** `{"label": {...}}` nesting down to the block bodies; a body may also be an array of bodies. */
  private blocksAt(type: string, labels: string[], depth: number, n: Node, keyNode: Node, out: Block[]): void {
    if (depth > 0) {
      if (!isMap(n)) throw new ParseError(this.file, this.lines(n).line, `"${type}" expects an object keyed by ${labels.length === 0 ? 'label' : 'name'}`);
      for (const pair of n.items) {
        const k = keyOf(pair.key as Node);
        if (k === undefined || k === '//') continue;
        this.blocksAt(type, [...labels, k], depth - 1, pair.value as Node, pair.key as Node, out);
      }
      return;
    }
    const bodies = isSeq(n) ? (n.items as Node[]) : [n];
    for (const b of bodies) {
      if (!isMap(b)) throw new ParseError(this.file, this.lines(b).line, `block "${type}" must be an object`);
      const pos = this.lines(b, bodies.length === 1 ? keyNode : undefined);
      out.push({ type, labels, body: this.body(b, type === 'locals' || type === 'variable' || type === 'output', type === 'variable'), line: pos.line, endLine: pos.endLine, file: this.file });
    }
  }

  /** `attrsOnly`: no nested blocks (locals, variable, output); `literalDefault`: a variable's default is not a template */
  private body(n: Node, attrsOnly = false, literalDefault = false): Body {
    const body: Body = { attrs: [], blocks: [] };
    if (!isMap(n)) return body;
    for (const pair of n.items) {
      const name = keyOf(pair.key as Node);
      const v = pair.value as Node;
      if (name === undefined || name === '//') continue;
      const pos = this.lines(v, pair.key as Node);
      if (name === 'dynamic' && isMap(v)) {
        for (const d of v.items) {
          const label = keyOf(d.key as Node);
          if (label === undefined) continue;
          for (const b of isSeq(d.value) ? (d.value.items as Node[]) : [d.value as Node]) {
            const p = this.lines(b, d.key as Node);
            const inner = this.body(b);
            // "content" inside a dynamic block is a block, not a map attribute
            const content = inner.attrs.findIndex((a) => a.name === 'content');
            const contentNode = isMap(b) ? (b.items.find((x) => keyOf(x.key as Node) === 'content')?.value as Node | undefined) : undefined;
            if (content >= 0 && contentNode) {
              const cp = this.lines(contentNode);
              inner.attrs.splice(content, 1);
              inner.blocks.push({ type: 'content', labels: [], body: this.body(contentNode), line: cp.line, endLine: cp.endLine, file: this.file });
            }
            body.blocks.push({ type: 'dynamic', labels: [label], body: inner, line: p.line, endLine: p.endLine, file: this.file });
          }
        }
        continue;
      }
      if (!attrsOnly && (name === 'lifecycle' || name === 'provisioner' || name === 'connection') && isMap(v)) {
        body.blocks.push({ type: name, labels: [], body: this.body(v), line: pos.line, endLine: pos.endLine, file: this.file });
        continue;
      }
      if (!attrsOnly && isSeq(v) && v.items.length > 0 && v.items.every((x) => isMap(x))) {
        for (const item of v.items as Node[]) {
          const p = this.lines(item);
          body.blocks.push({ type: name, labels: [], body: this.body(item), line: p.line, endLine: p.endLine, file: this.file });
        }
        continue;
      }
      const attr: Attribute = { name, expr: this.expr(v, literalDefault && name === 'default'), line: pos.line, endLine: pos.endLine };
      body.attrs.push(attr);
    }
    return body;
  }

  private expr(n: Node | null, literal: boolean): Expr {
    const pos = this.lines(n);
    if (n === null || n === undefined) return { ...pos, k: 'lit', v: null };
    if (isMap(n)) {
      return {
        ...pos,
        k: 'object',
        items: n.items.map((pair) => {
          const kp = this.lines(pair.key as Node);
          const key = keyOf(pair.key as Node) ?? '';
          return { key: literal || !isTemplate(key) ? { ...kp, k: 'lit' as const, v: key } : this.template(key, kp), value: this.expr(pair.value as Node, literal) };
        }),
      };
    }
    if (isSeq(n)) return { ...pos, k: 'tuple', items: (n.items as Node[]).map((x) => this.expr(x, literal)) };
    if (isScalar(n)) {
      const v = n.value;
      if (typeof v === 'string') return literal || !isTemplate(v) ? { ...pos, k: 'lit', v } : this.template(v, pos);
      if (typeof v === 'number' || typeof v === 'boolean' || v === null) return { ...pos, k: 'lit', v: v as Value };
    }
    return { ...pos, k: 'lit', v: null };
  }

  /** A JSON string holding `${...}` or `%{...}`: parse it as an HCL heredoc template (no escaping needed). */
  private template(s: string, pos: { line: number; endLine: number; text: string }): Expr {
    let marker = 'TFJSON';
    while (s.includes(marker)) marker += '_';
    let e: Expr;
    try {
      // the string's text starts on the heredoc's second line
      e = parseHclExpression(`<<${marker}\n${s}\n${marker}`, this.file, pos.line - 1);
    } catch (err) {
      if (err instanceof ParseError) throw new ParseError(this.file, pos.line, `invalid template in string "${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`);
      throw err;
    }
    const fixed = stripFinalNewline(e);
    return { ...fixed, text: s, line: pos.line, endLine: pos.endLine } as Expr;
  }
}

function stripFinalNewline(e: Expr): Expr {
  if (e.k === 'lit' && typeof e.v === 'string') return { ...e, v: e.v.replace(/\n$/, '') };
  if (e.k === 'tpl') {
    const parts = [...e.parts];
    const last = parts[parts.length - 1];
    if (typeof last === 'string') {
      const t = last.replace(/\n$/, '');
      if (t === '') parts.pop();
      else parts[parts.length - 1] = t;
    }
    if (parts.length === 1 && typeof parts[0] === 'string') return { ...e, k: 'lit', v: parts[0] } as Expr;
    if (parts.length === 2 && parts[0] === '' && typeof parts[1] !== 'string' && parts[1]!.k !== 'tif' && parts[1]!.k !== 'tfor') return { ...e, parts: [parts[1]!] };
    return { ...e, parts };
  }
  return e;
}

function isTemplate(s: string): boolean {
  return s.includes('${') || s.includes('%{');
}

function keyOf(n: Node | null): string | undefined {
  if (isScalar(n)) return String(n.value);
  return undefined;
}
