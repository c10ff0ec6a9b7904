import { UNRESOLVED } from './image-ref.js';

/** A variable's value in scope: a string, or null when declared without a value (a build argument left to the caller). */
export type Scope = Map<string, string | null>;

export interface Substituted {
  /** the text with variables replaced; unresolved ones are marked with UNRESOLVED */
  text: string;
  /** names that could not be resolved */
  unresolved: string[];
}

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Docker's variable substitution for `$VAR`, `${VAR}`, `${VAR:-word}`,
 * `${VAR-word}`, `${VAR:+word}` and `${VAR+word}`. A variable declared
 * without a value, or not declared at all, is unresolved: its value comes
 * from `--build-arg` or the build platform, which a static scan cannot know.
 * An escaped `\$` stays literal.
 */
export function substitute(input: string, scope: Scope, escapeChar = '\\'): Substituted {
  const unresolved: string[] = [];
  let out = '';
  let last = 0;
  VAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VAR.exec(input)) !== null) {
    if (m.index > 0 && input[m.index - 1] === escapeChar) {
      out += input.slice(last, m.index - 1) + m[0];
      last = m.index + m[0].length;
      continue;
    }
    out += input.slice(last, m.index);
    last = m.index + m[0].length;
    const name = (m[1] ?? m[4])!;
    const op = m[2];
    const word = m[3] ?? '';
    const declared = scope.has(name);
    const value = scope.get(name);
    if (op === undefined) {
      if (typeof value === 'string') out += value;
      else {
        unresolved.push(name);
        out += UNRESOLVED;
      }
      continue;
    }
    // with an operator, a value that is not known makes the result unknown too
    if (!declared || value === null) {
      if (!declared && op.endsWith('-')) {
        out += word;
        continue;
      }
      unresolved.push(name);
      out += UNRESOLVED;
      continue;
    }
    const empty = value === '' || value === undefined;
    if (op === ':-') out += empty ? word : value;
    else if (op === '-') out += value;
    else if (op === ':+') out += empty ? '' : word;
    else out += word; // '+': set, possibly empty
  }
  out += input.slice(last);
  return { text: out, unresolved };
}
