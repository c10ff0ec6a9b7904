/**
 * Simple commands of a shell line, as word lists: the line is cut at `;`,
 * `&&`, `||`, `|`, `&`, newlines and parentheses outside quotes, and each
 * piece split into words on blanks, with quotes removed and backslash-newline
 * continuations joined. Hand-written because no shell parser is a dependency
 * and the checks that use it only need word splitting: no expansion, no
 * redirections (a redirection target is just one more word), no here-docs.
 */
export function simpleCommands(text: string): string[][] {
  const out: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length) out.push(words);
    words = [];
  };
  const src = text.replace(/\\\r?\n/g, ' ');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < src.length) word += src[++i];
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < src.length) {
      word += src[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') endWord();
    else if (ch === ';' || ch === '&' || ch === '|' || ch === '\n' || ch === '\r' || ch === '(' || ch === ')') endCommand();
    else if (ch === '#' && !inWord) {
      // a comment runs to the end of the line
      while (i + 1 < src.length && src[i + 1] !== '\n') i++;
    } else {
      word += ch;
      inWord = true;
    }
  }
  endCommand();
  return out;
}

/** Words that only wrap the real command: `sudo`, `env A=b`, `exec`, leading `A=b` assignments, `time`, `nohup`. */
export function unwrapCommand(words: readonly string[]): string[] {
  let i = 0;
  for (;;) {
    const w = words[i];
    if (w === undefined) break;
    if (['sudo', 'exec', 'time', 'nohup', 'command', 'env'].includes(w)) {
      i++;
      // sudo/env options (sudo -E, sudo -u user, env -i)
      while (words[i]?.startsWith('-')) i += ['-u', '-g', '--user', '--group'].includes(words[i]!) ? 2 : 1;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) i++;
    else break;
  }
  return words.slice(i);
}
