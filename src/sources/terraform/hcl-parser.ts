import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { ParseError } from '../../scan/errors.js';
import type { Attribute, Block, Body, Expr, TemplatePart, Traversal } from './ast.js';

/**
 * Native HCL syntax → the AST in ast.ts, through web-tree-sitter and the
 * Terraform grammar of @tree-sitter-grammars/tree-sitter-hcl (it parses
 * offline and gives row/column for every node). The parser is initialised
 * once (`initHclParser`) and then parses synchronously.
 */
let parser: Parser | undefined;
let initializing: Promise<Parser> | undefined;

export async function initHclParser(): Promise<void> {
  if (parser) return;
  initializing ??= (async () => {
    await Parser.init();
    const pkg = createRequire(import.meta.url).resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json');
    const lang = await Language.load(join(dirname(pkg), 'tree-sitter-terraform.wasm'));
    const p = new Parser();
    p.setLanguage(lang);
    return p;
  })();
  parser = await initializing;
}

function requireParser(): Parser {
  if (!parser) throw new Error('initHclParser() must be awaited before parsing HCL');
  return parser;
}

/** Parses a whole configuration file. Throws ParseError at the first ERROR or MISSING node. */
export function parseHclFile(text: string, file: string): Body {
  const tree = requireParser().parse(text);
  if (!tree) throw new ParseError(file, undefined, 'HCL parser returned no tree');
  try {
    const root = tree.rootNode;
    if (root.hasError) throw syntaxError(root, file);
    const body = root.namedChildren.find((c) => c !== null && ty(c) === 'body');
    if (!body) {
      if (root.namedChildren.some((c) => c !== null && ty(c) === 'object')) throw new ParseError(file, 1, 'expected attributes and blocks, found an object');
      return { attrs: [], blocks: [] };
    }
    return new Converter(file, text).body(body);
  } finally {
    tree.delete();
  }
}

/**
 * Parses one expression (a --var value, a tfvars value, a JSON-syntax
 * template string). Throws ParseError when it is not a valid expression.
 */
export function parseHclExpression(text: string, file: string, line = 1): Expr {
  let body: Body;
  try {
    body = parseHclFile(`__v = ${text}\n`, file);
  } catch (err) {
    if (err instanceof ParseError && err.line !== undefined) throw new ParseError(file, Math.max(1, err.line + line - 1), err.detail, err.column);
    throw err;
  }
  const a = body.attrs[0];
  if (!a || body.attrs.length !== 1 || body.blocks.length > 0) throw new ParseError(file, Math.max(1, line), `not a single expression: ${text}`);
  return shiftLines(a.expr, line - 1);
}

function shiftLines(e: Expr, by: number): Expr {
  if (by === 0) return e;
  const walk = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.endLine === 'number') {
      o.line = (o.line as number) + by;
      o.endLine = (o.endLine as number) + by;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'v' && typeof v === 'object') walk(v);
  };
  walk(e);
  return e;
}

function syntaxError(root: Node, file: string): ParseError {
  let found: Node | undefined;
  const visit = (n: Node): void => {
    if (found) return;
    if (ty(n) === 'ERROR' || n.isMissing) {
      found = n;
      return;
    }
    for (const c of n.children) if (c && (c.hasError || c.isMissing)) visit(c);
  };
  visit(root);
  const at = found ?? root;
  const line = at.startPosition.row + 1;
  const col = at.startPosition.column + 1;
  const snippet = at.text.split('\n')[0]!.slice(0, 40);
  const message = at.isMissing ? `HCL syntax error: missing ${ty(at)}` : `HCL syntax error: unexpected ${snippet ? `"${snippet}"` : 'end of input'}`;
  return new ParseError(file, line, message, col);
}

/** `${~ x}` / `%{~ if}`: a strip marker right after the opening token */
function stripLeft(cs: Node[]): boolean {
  return cs[1] !== undefined && ty(cs[1]) === 'strip_marker';
}
/** `${x ~}`: a strip marker right before the closing token */
function stripRight(cs: Node[]): boolean {
  return cs.length > 2 && ty(cs[cs.length - 2]!) === 'strip_marker';
}

const BINARY_OPS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);

/** A node's type, read from WebAssembly once per node object. */
function ty(n: Node): string {
  const cached = (n as Node & { __type?: string }).__type;
  if (cached !== undefined) return cached;
  const t = n.type;
  (n as Node & { __type?: string }).__type = t;
  return t;
}

function kids(n: Node): Node[] {
  return n.children as Node[];
}

/**
 * Converts the tree-sitter tree. Hot path for large trees: every wasm
 * property read (type, endIndex, endPosition, text) crosses into WebAssembly,
 * so lines and texts are computed from offsets on the JS side instead.
 */
class Converter {
  private readonly lineStarts: number[];

  constructor(
    private readonly file: string,
    private readonly src: string,
  ) {
    const starts = [0];
    for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  /** 1-based line of a UTF-16 offset (tree-sitter's indices for JS strings) */
  private lineAt(offset: number): number {
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  body(n: Node): Body {
    const out: Body = { attrs: [], blocks: [] };
    for (const c of kids(n)) {
      if (ty(c) === 'attribute') out.attrs.push(this.attribute(c));
      else if (ty(c) === 'block') out.blocks.push(this.block(c));
    }
    return out;
  }

  attribute(n: Node): Attribute {
    const cs = kids(n);
    const name = cs[0]!.text;
    const exprNode = cs.find((c) => ty(c) === 'expression')!;
    return { name, expr: this.expr(exprNode), line: n.startPosition.row + 1, endLine: this.lineAt(n.endIndex) };
  }

  block(n: Node): Block {
    const cs = kids(n);
    const labels: string[] = [];
    let body: Body = { attrs: [], blocks: [] };
    for (let i = 1; i < cs.length; i++) {
      const c = cs[i]!;
      if (ty(c) === 'string_lit') labels.push(this.stringLit(c));
      else if (ty(c) === 'identifier') labels.push(c.text);
      else if (ty(c) === 'body') body = this.body(c);
    }
    return { type: cs[0]!.text, labels, body, line: n.startPosition.row + 1, endLine: this.lineAt(n.endIndex), file: this.file };
  }

  private pos(n: Node): { text: string; line: number; endLine: number } {
    const end = n.endIndex;
    return { text: this.src.slice(n.startIndex, end), line: n.startPosition.row + 1, endLine: this.lineAt(end) };
  }

  /** a string_lit (no interpolation): the text between its quotes, sliced from the source */
  stringLit(n: Node): string {
    return unescapeQuoted(this.src.slice(n.startIndex + 1, n.endIndex - 1));
  }

  expr(n: Node): Expr {
    const cs = kids(n);
    if (ty(n) === 'expression') {
      if (cs.length === 1 && ty(cs[0]!) === 'conditional') return this.primary(cs[0]!);
      return this.term(cs);
    }
    return this.primary(n);
  }

  /** a base term followed by attribute, index and splat traversals */
  term(cs: Node[]): Expr {
    let i = 0;
    let base: Expr;
    if (ty(cs[0]!) === '(') {
      base = this.expr(cs[1]!);
      i = 3;
    } else {
      base = this.primary(cs[0]!);
      i = 1;
    }
    const startIndex = cs[0]!.startIndex;
    for (; i < cs.length; i++) {
      const c = cs[i]!;
      const end = c.endIndex;
      const pos = { text: this.src.slice(startIndex, end), line: base.line, endLine: this.lineAt(end) };
      if (ty(c) === 'get_attr') base = { ...pos, k: 'attr', obj: base, name: kids(c).find((x) => ty(x) === 'identifier')!.text };
      else if (ty(c) === 'index') base = { ...pos, k: 'index', obj: base, index: this.index(c) };
      else if (ty(c) === 'splat') {
        const inner = kids(c)[0]!;
        const each: Traversal[] = [];
        for (const t of kids(inner)) {
          if (ty(t) === 'get_attr') each.push({ k: 'attr', name: kids(t).find((x) => ty(x) === 'identifier')!.text });
          else if (ty(t) === 'index') each.push({ k: 'index', index: this.index(t) });
        }
        base = { ...pos, k: 'splat', obj: base, each };
      }
    }
    return base;
  }

  index(n: Node): Expr {
    const inner = kids(n)[0]!;
    if (ty(inner) === 'legacy_index') {
      const digits = inner.text.replace(/^\./, '');
      return { ...this.pos(inner), k: 'lit', v: Number(digits) };
    }
    return this.expr(kids(inner).find((x) => ty(x) === 'expression')!);
  }

  primary(n: Node): Expr {
    const type = ty(n);
    const pos = this.pos(n);
    if (type === 'literal_value') {
      // decided from the source text: no need to marshal the child node
      const t = pos.text;
      const c0 = t.charCodeAt(0);
      if (c0 === 34 /* " */) return { text: t, line: pos.line, endLine: pos.endLine, k: 'lit', v: unescapeQuoted(t.slice(1, -1)) };
      if (t === 'true' || t === 'false') return { text: t, line: pos.line, endLine: pos.endLine, k: 'lit', v: t === 'true' };
      if (t === 'null') return { text: t, line: pos.line, endLine: pos.endLine, k: 'lit', v: null };
      return { text: t, line: pos.line, endLine: pos.endLine, k: 'lit', v: t.startsWith('0x') ? parseInt(t, 16) : Number(t) };
    }
    const cs = kids(n);
    switch (type) {
      case 'expression':
        return this.expr(n);
      case 'template_expr': {
        const t = cs[0]!;
        if (ty(t) === 'quoted_template') return this.template(t, pos, false);
        return this.heredoc(t, pos);
      }
      case 'collection_value': {
        const c = cs[0]!;
        if (ty(c) === 'tuple') return { ...pos, k: 'tuple', items: kids(c).filter((x) => ty(x) === 'expression').map((x) => this.expr(x)) };
        const items: Array<{ key: Expr; value: Expr }> = [];
        for (const el of kids(c)) {
          if (ty(el) !== 'object_elem') continue;
          // object_elem: key, "=" or ":", value
          const ek = kids(el);
          const key = this.expr(ek[0]!);
          const value = this.expr(ek[2]!);
          items.push({ key: key.k === 'var' ? { ...key, k: 'lit', v: key.name } : key, value });
        }
        return { ...pos, k: 'object', items };
      }
      case 'variable_expr':
        return { ...pos, k: 'var', name: n.text };
      case 'function_call': {
        const name = cs[0]!.text;
        const argsNode = cs.find((x) => ty(x) === 'function_arguments');
        const args = argsNode ? kids(argsNode).filter((x) => ty(x) === 'expression').map((x) => this.expr(x)) : [];
        const expand = argsNode ? kids(argsNode).some((x) => ty(x) === 'ellipsis') : false;
        return { ...pos, k: 'call', name, args, expand };
      }
      case 'for_expr': {
        const f = cs[0]!;
        const fk = kids(f);
        const intro = fk.find((x) => ty(x) === 'for_intro')!;
        const ids = kids(intro).filter((x) => ty(x) === 'identifier').map((x) => x.text);
        const coll = this.expr(kids(intro).find((x) => ty(x) === 'expression')!);
        const exprs = fk.filter((x) => ty(x) === 'expression').map((x) => this.expr(x));
        const condNode = fk.find((x) => ty(x) === 'for_cond');
        const cond = condNode ? this.expr(kids(condNode).find((x) => ty(x) === 'expression')!) : undefined;
        const vars = ids.length === 2 ? { keyVar: ids[0], valVar: ids[1]! } : { valVar: ids[0]! };
        if (ty(f) === 'for_tuple_expr') return { ...pos, k: 'for', ...vars, coll, value: exprs[0]!, cond, group: false };
        return { ...pos, k: 'for', ...vars, coll, key: exprs[0]!, value: exprs[1]!, cond, group: fk.some((x) => ty(x) === 'ellipsis') };
      }
      case 'conditional': {
        const es = cs.filter((x) => ty(x) === 'expression').map((x) => this.expr(x));
        return { ...pos, k: 'cond', cond: es[0]!, then: es[1]!, else: es[2]! };
      }
      case 'operation':
        return this.primary(cs[0]!);
      case 'unary_operation':
        return { ...pos, k: 'unary', op: ty(cs[0]!), x: this.term(cs.slice(1)) };
      case 'binary_operation': {
        let opAt = -1;
        for (let i = 1; i < cs.length; i++) {
          if (BINARY_OPS.has(ty(cs[i]!))) {
            opAt = i;
            break;
          }
        }
        return { ...pos, k: 'binary', op: ty(cs[opAt]!), l: this.term(cs.slice(0, opAt)), r: this.term(cs.slice(opAt + 1)) };
      }
      default:
        throw new ParseError(this.file, pos.line, `unsupported HCL expression node ${ty(n)}`);
    }
  }

  template(n: Node, pos: { text: string; line: number; endLine: number }, heredoc: boolean): Expr {
    const cs = kids(n);
    const parts = this.templateParts(cs.slice(1, -1), heredoc, cs[0]!.endIndex, cs[cs.length - 1]!.startIndex);
    if (parts.length === 0) return { ...pos, k: 'lit', v: '' };
    if (parts.length === 1 && typeof parts[0] === 'string') return { ...pos, k: 'lit', v: parts[0] };
    // "${x}" alone keeps the type of x, as in Terraform
    return { ...pos, k: 'tpl', parts };
  }

  /**
   * Template parts between source offsets `from` and `to`: literal text is
   * the source between interpolations and directives (sliced, because
   * tree-sitter's template_literal nodes leave out some whitespace).
   */
  templateParts(cs: Node[], heredoc: boolean, from: number, to: number, stripStart = false, stripEnd = false): TemplatePart[] {
    const parts: TemplatePart[] = [];
    const unesc = heredoc ? unescapeHeredoc : unescapeQuoted;
    let cursor = from;
    let stripNext = stripStart;
    const literal = (end: number, stripBefore: boolean): void => {
      let s = end > cursor ? unesc(this.src.slice(cursor, end)) : '';
      if (stripNext) s = s.replace(/^\s+/, '');
      if (stripBefore) s = s.replace(/\s+$/, '');
      stripNext = false;
      if (s === '') return;
      if (typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += s;
      else parts.push(s);
    };
    for (const c of cs) {
      const type = ty(c);
      if (type === 'template_interpolation') {
        const ck = kids(c);
        literal(c.startIndex, stripLeft(ck));
        const e = ck.find((x) => ty(x) === 'expression');
        if (e) parts.push(this.expr(e));
        cursor = c.endIndex;
        stripNext = stripRight(ck);
      } else if (type === 'template_directive') {
        const d = kids(c)[0]!;
        const dk = kids(d);
        const first = kids(dk[0]!);
        const last = kids(dk[dk.length - 1]!);
        literal(c.startIndex, stripLeft(first));
        cursor = c.endIndex;
        if (ty(d) === 'template_if') {
          const intro = dk[0]!;
          const cond = this.expr(first.find((x) => ty(x) === 'expression')!);
          const elseAt = dk.findIndex((x) => ty(x) === 'template_else_intro');
          const endAt = dk.length - 1;
          const thenEnd = elseAt >= 0 ? elseAt : endAt;
          const thenEndKids = kids(dk[thenEnd]!);
          const thenParts = this.templateParts(dk.slice(1, thenEnd), heredoc, intro.endIndex, dk[thenEnd]!.startIndex, stripRight(first), stripLeft(thenEndKids));
          const elseParts = elseAt >= 0 ? this.templateParts(dk.slice(elseAt + 1, endAt), heredoc, dk[elseAt]!.endIndex, dk[endAt]!.startIndex, stripRight(thenEndKids), stripLeft(last)) : [];
          parts.push({ k: 'tif', cond, then: thenParts, else: elseParts });
        } else if (ty(d) === 'template_for') {
          const start = dk[0]!;
          const end = dk[dk.length - 1]!;
          const ids = first.filter((x) => ty(x) === 'identifier').map((x) => x.text);
          const coll = this.expr(first.find((x) => ty(x) === 'expression')!);
          const vars = ids.length === 2 ? { keyVar: ids[0], valVar: ids[1]! } : { valVar: ids[0]! };
          parts.push({ k: 'tfor', ...vars, coll, body: this.templateParts(dk.slice(1, -1), heredoc, start.endIndex, end.startIndex, stripRight(first), stripLeft(last)) });
        }
        stripNext = stripRight(last);
      }
    }
    literal(to, stripEnd);
    return parts;
  }

  heredoc(n: Node, pos: { text: string; line: number; endLine: number }): Expr {
    const cs = kids(n);
    const strip = cs[0]!.text === '<<-';
    const inner = cs.slice(2, cs.length - 1);
    const parts = this.templateParts(inner, true, cs[1]!.endIndex, cs[cs.length - 1]!.startIndex);
    // The body starts after the newline that ends the opening line and stops
    // before the indentation of the closing marker.
    if (typeof parts[0] === 'string') parts[0] = parts[0].replace(/^\r?\n/, '');
    const last = parts.length - 1;
    if (typeof parts[last] === 'string') parts[last] = (parts[last] as string).replace(/[ \t]*$/, '');
    if (strip) dedent(parts);
    const cleaned = parts.filter((p) => p !== '');
    if (cleaned.length === 0) return { ...pos, k: 'lit', v: '' };
    if (cleaned.length === 1 && typeof cleaned[0] === 'string') return { ...pos, k: 'lit', v: cleaned[0] };
    if (cleaned.length === 1) return { ...pos, k: 'tpl', parts: ['', cleaned[0]!] };
    return { ...pos, k: 'tpl', parts: cleaned };
  }
}

/** `<<-` heredocs: remove the smallest indentation of the non-blank lines from every line. */
function dedent(parts: TemplatePart[]): void {
  let min = Infinity;
  let atLineStart = true;
  for (const p of parts) {
    if (typeof p !== 'string') {
      if (atLineStart) min = 0;
      atLineStart = false;
      continue;
    }
    const lines = p.split('\n');
    lines.forEach((l, i) => {
      if (i > 0) atLineStart = true;
      if (atLineStart) {
        const isLast = i === lines.length - 1;
        const ws = /^[ \t]*/.exec(l)![0].length;
        if (ws < l.length || (isLast && ws > 0)) min = Math.min(min, ws);
        if (ws < l.length) atLineStart = false;
      }
    });
  }
  if (!Number.isFinite(min) || min === 0) return;
  let lineStart = true;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (typeof p !== 'string') {
      lineStart = false;
      continue;
    }
    const lines = p.split('\n').map((l, j) => ((j > 0 || lineStart) ? l.replace(new RegExp(`^[ \\t]{0,${min}}`), '') : l));
    parts[i] = lines.join('\n');
    lineStart = p.endsWith('\n');
  }
}

function unescapeHeredoc(s: string): string {
  return s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

export function unescapeQuoted(s: string): string {
  if (!s.includes('\\') && !s.includes('$${') && !s.includes('%%{')) return s;
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (m, esc: string | undefined) => {
    if (m === '$${') return '${';
    if (m === '%%{') return '%{';
    switch (esc![0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(esc!.slice(1), 16));
      default:
        return m;
    }
  });
}
