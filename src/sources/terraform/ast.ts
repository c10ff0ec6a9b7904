import type { Value } from '../../model/index.js';

/**
 * A small, tree-sitter-independent syntax tree for Terraform configurations.
 * Both the native HCL syntax (via tree-sitter) and the JSON syntax convert to
 * it, so the evaluator sees one shape. Lines are 1-based.
 */
interface Pos {
  /** source text of the expression, used as the expression of an Unknown */
  text: string;
  line: number;
  endLine: number;
}

export type TemplatePart = string | Expr | TemplateIf | TemplateFor;
export interface TemplateIf {
  k: 'tif';
  cond: Expr;
  then: TemplatePart[];
  else: TemplatePart[];
}
export interface TemplateFor {
  k: 'tfor';
  keyVar?: string;
  valVar: string;
  coll: Expr;
  body: TemplatePart[];
}

export type Traversal = { k: 'attr'; name: string } | { k: 'index'; index: Expr };

export type Expr = Pos &
  (
    | { k: 'lit'; v: Value }
    | { k: 'tpl'; parts: TemplatePart[] }
    | { k: 'tuple'; items: Expr[] }
    | { k: 'object'; items: Array<{ key: Expr; value: Expr }> }
    | { k: 'var'; name: string }
    | { k: 'attr'; obj: Expr; name: string }
    | { k: 'index'; obj: Expr; index: Expr }
    /** `obj[*].a.b` / `obj.*.a`: apply `each` to every element of obj */
    | { k: 'splat'; obj: Expr; each: Traversal[] }
    | { k: 'call'; name: string; args: Expr[]; expand: boolean }
    | { k: 'for'; keyVar?: string; valVar: string; coll: Expr; key?: Expr; value: Expr; cond?: Expr; group: boolean }
    | { k: 'cond'; cond: Expr; then: Expr; else: Expr }
    | { k: 'unary'; op: string; x: Expr }
    | { k: 'binary'; op: string; l: Expr; r: Expr }
  );

export interface Attribute {
  name: string;
  expr: Expr;
  line: number;
  endLine: number;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  line: number;
  endLine: number;
  file: string;
}

export interface Body {
  attrs: Attribute[];
  blocks: Block[];
}

export function attrOf(body: Body, name: string): Attribute | undefined {
  for (const a of body.attrs) if (a.name === name) return a;
  return undefined;
}
