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
  const lines = new Map<string, number>();
  if (wanted.size === 0) return lines;
  // Resources are usually met in the order they were collected (the set's order): while they
  // are, one string comparison replaces two hash look-ups per address.
  const order = [...wanted];
  let next = 0;
  let inOrder = true;
  const re = new RegExp(ADDRESS_KEY.source, 'g');
  re.lastIndex = Math.max(0, from);
  let line = 1;
  let counted = 0; // newlines are counted up to this offset
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const raw = m[1] as string;
    const address = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    if (inOrder && address === order[next]) next++;
    else {
      if (!wanted.has(address) || lines.has(address)) continue;
      // a wanted address out of order (keys sorted, prior_state data sources): hash look-ups from here on
      inOrder = false;
    }
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    lines.set(address, line);
    if (lines.size === wanted.size) break;
  }
  return lines;
}

/** Offset of the first `"key":` in the text, or -1. */
export function keyOffset(text: string, key: string): number {
  const re = new RegExp(`"${key}"\\s*:`, 'g');
  const m = re.exec(text);
  return m ? m.index : -1;
}
