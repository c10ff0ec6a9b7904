import { parse as parseLenient, printParseErrorCode, type ParseError as JsoncError } from 'jsonc-parser';
import { ParseError } from '../../scan/errors.js';

/**
 * `JSON.parse` with a useful failure: a `ParseError` naming the file, line and
 * column of the first syntax error.
 *
 * V8 on Node 20 often reports no position at all ("Unexpected token '}' ... is
 * not valid JSON"), so on failure only we re-scan the text with `jsonc-parser`
 * (strict mode: no comments, no trailing commas), which reports the offset of
 * every error. The happy path stays a single `JSON.parse`.
 */
export function parseJsonOrThrow(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(text, file, (err as Error).message);
  }
}

export function jsonSyntaxError(text: string, file: string, nativeMessage: string): ParseError {
  const errors: JsoncError[] = [];
  parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const offset = first ? first.offset : positionFromMessage(nativeMessage) ?? text.length;
  const { line, column } = lineAndColumn(text, offset);
  const reason = first ? describe(printParseErrorCode(first.error)) : nativeMessage;
  return new ParseError(file, line, `invalid JSON: ${reason}`, column);
}

function positionFromMessage(message: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

/** "CloseBraceExpected" -> "close brace expected" */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** 1-based line and column of a character offset, counting newlines with indexOf. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const end = Math.min(Math.max(offset, 0), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
