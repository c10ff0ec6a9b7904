import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ParseError } from '../../scan/errors.js';
import { Evaluator } from './evaluate.js';
import { initHclParser, parseHclFile } from './hcl-parser.js';
import { literalScope } from './module.js';

/**
 * Robustness: token soup built from HCL's own tokens either parses or throws
 * a ParseError with a line inside the text; whatever parses evaluates
 * without throwing.
 */
const TOKENS = [
  'resource', '"aws_s3_bucket"', '"b"', '{', '}', '[', ']', '(', ')', '=', ',', '.', '*', '?', ':', '=>', '...',
  'x', 'var', 'local', 'for', 'in', 'if', '1', '2.5', 'true', 'null', '"s"', '"${x}"', '"%{ if true }a%{ endif }"',
  '+', '-', '!', '&&', '||', '==', '<', 'upper', 'concat', '\n', ' ', '# c\n', '<<EOT\nhi\nEOT\n', '"', '${', '%{',
];

beforeAll(async () => {
  await initHclParser();
});

describe('HCL parser robustness', () => {
  it('parses or reports a ParseError with a line, never anything else', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (tokens) => {
        const text = tokens.join(' ');
        try {
          const body = parseHclFile(text, 'fuzz.tf');
          const ev = new Evaluator(literalScope('.'));
          const walk = (b: typeof body): void => {
            for (const a of b.attrs) ev.eval(a.expr);
            b.blocks.forEach((x) => walk(x.body));
          };
          walk(body);
        } catch (err) {
          expect(err).toBeInstanceOf(ParseError);
          const line = (err as ParseError).line ?? 1;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(text.split('\n').length + 1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('evaluates well-formed random arithmetic like JavaScript', () => {
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: 0, max: 50 }).map(String),
        // with and without parentheses: precedence and associativity must match JavaScript's for + - *
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e'), fc.boolean()).map(([a, op, b, paren]) => (paren ? `(${a} ${op} ${b})` : `${a} ${op} ${b}`)),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (src) => {
        const body = parseHclFile(`v = ${src}\n`, 'arith.tf');
        const got = new Evaluator(literalScope('.')).eval(body.attrs[0]!.expr);
        expect(got).toBe(Function(`return ${src}`)() as number);
      }),
      { numRuns: 200 },
    );
  });
});
