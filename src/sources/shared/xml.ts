/**
 * Validate-then-parse for fast-xml-parser. XMLValidator accepts some truncated
 * documents (`<a/`, `<user /`) on which XMLParser then throws a plain Error
 * ("readTagExp returned undefined at position N"); this turns either failure
 * into a ParseError naming the file and the line, so a bad file never stops a scan.
 */
import { XMLValidator, type XMLParser } from 'fast-xml-parser';
import { ParseError } from '../../scan/errors.js';

/** 1-based line of a 0-based character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses `text` with `parser` after validating it; any failure is a ParseError with `label` before the message. */
export function parseXmlChecked(text: string, file: string, parser: XMLParser, label = 'invalid XML'): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ParseError(file, valid.err.line, `${label}: ${valid.err.msg}`, valid.err.col);
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /at position (\d+)/.exec(msg);
    const line = pos ? lineAt(text, Number(pos[1])) : 1;
    const detail = /^readTagExp returned undefined/.test(msg) ? 'unterminated tag' : msg.replace(/\s*Context:.*$/s, '');
    throw new ParseError(file, line, `${label}: ${detail}`);
  }
}
