/**
 * Finds the line of each resource object in a `terraform show -json` text
 * without parsing it again: one regex sweep over `"address": "..."` keys,
 * counting newlines as it goes.
 *
 * The sweep starts at `from` (the offset of the `planned_values` / `values`
 * section) and keeps the first line seen for each wanted address, so the same
 * address repeated later in `resource_changes`, `prior_state` or
 * `configuration` is ignored. It stops as soon as every wanted address has a
 * line. Escaped quotes can never match the key pattern, so addresses written
 * inside string values are not mistaken for keys.
 */
const ADDRESS_KEY = /"address"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"/g;

export function addressLines(text: string, wanted: ReadonlySet<string>, from = 0): Map<string, number> {
  const order = [...wanted];
  const lines = addressLinesInOrder(text, order, wanted, from);
  const out = new Map<string, number>();
  order.forEach((address, i) => {
    if (lines[i]! > 0) out.set(address, lines[i]!);
  });
  return out;
}

/**
 * The same sweep for callers that hold the wanted addresses as a list without
 * repetitions (`order`, with `wanted` the same addresses as a set): the line
 * of `order[i]` is `result[i]`, 0 when it was not found. Resources are usually
 * met in the order they were collected: while they are, one string comparison
 * replaces the hash look-ups, and no map is built.
 */
export function addressLinesInOrder(text: string, order: readonly string[], wanted: ReadonlySet<string>, from = 0): number[] {
  const lines = new Array<number>(order.length).fill(0);
  if (order.length === 0) return lines;
  let next = 0;
  let inOrder = true;
  // positions of the addresses, built when one is met out of order
  let position: Map<string, number> | undefined;
  let found = 0;
  const re = new RegExp(ADDRESS_KEY.source, 'g');
  re.lastIndex = Math.max(0, from);
  let line = 1;
  // the next newline not yet counted (-1: none left). Kept between matches: `terraform show -json`
  // prints one line, and searching from each match to the end of the text again was quadratic
  let newline = text.indexOf('\n');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const raw = m[1] as string;
    const address = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    let at: number;
    if (inOrder && address === order[next]) at = next++;
    else {
      if (!wanted.has(address)) continue;
      if (!position) {
        position = new Map();
        order.forEach((a, i) => position!.set(a, i));
      }
      at = position.get(address)!;
      if (lines[at]! > 0) continue;
      // a wanted address out of order (keys sorted, prior_state data sources): look-ups from here on
      inOrder = false;
    }
    while (newline !== -1 && newline < m.index) {
      line++;
      newline = text.indexOf('\n', newline + 1);
    }
    lines[at] = line;
    if (++found === order.length) break;
  }
  return lines;
}

/** Offset of the first `"key":` in the text, or -1. */
export function keyOffset(text: string, key: string): number {
  const re = new RegExp(`"${key}"\\s*:`, 'g');
  const m = re.exec(text);
  return m ? m.index : -1;
}
