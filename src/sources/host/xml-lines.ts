/**
 * Lines of XML start tags. fast-xml-parser reads the document but keeps no
 * positions, so this small scanner walks the same text and lists each start
 * tag with its element path and line, in document order; the n-th `user`
 * element fast-xml-parser returns is the n-th `tomcat-users/user` here.
 * Comments, CDATA, processing instructions and DOCTYPE are skipped. It runs
 * only after XMLValidator accepted the text, so it need not handle bad XML.
 */
export interface TagLine {
  /** element names from the root, joined by '/' (`hudson/authorizationStrategy`) */
  path: string;
  line: number;
}

export function xmlTagLines(text: string): TagLine[] {
  const out: TagLine[] = [];
  const stack: string[] = [];
  let line = 1;
  let i = 0;
  const advance = (to: number) => {
    for (let k = i; k < to && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    advance(lt);
    if (text.startsWith('<!--', i)) {
      advance(skipTo(text, '-->', i));
    } else if (text.startsWith('<![CDATA[', i)) {
      advance(skipTo(text, ']]>', i));
    } else if (text.startsWith('<?', i)) {
      advance(skipTo(text, '?>', i));
    } else if (text.startsWith('<!', i)) {
      advance(skipTo(text, '>', i));
    } else if (text.startsWith('</', i)) {
      stack.pop();
      advance(skipTo(text, '>', i));
    } else {
      const name = /^<([^\s/>]+)/.exec(text.slice(i, i + 256))?.[1] ?? '';
      const startLine = line;
      const end = tagEnd(text, i);
      const selfClosing = text[end - 2] === '/';
      stack.push(name);
      out.push({ path: stack.join('/'), line: startLine });
      if (selfClosing) stack.pop();
      advance(end);
    }
  }
  return out;
}

function skipTo(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? text.length : at + marker.length;
}

/** Index after the `>` that closes the tag starting at `from`, skipping quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let k = from + 1; k < text.length; k++) {
    const c = text[k]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k + 1;
  }
  return text.length;
}

/** Lines of the start tags with this exact path, in document order. */
export function linesOf(tags: TagLine[], path: string): number[] {
  return tags.filter((t) => t.path === path).map((t) => t.line);
}
