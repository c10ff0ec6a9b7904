/** Feature hashing: FNV-1a (32-bit) of a namespaced feature name, folded into 2^bits buckets. */

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function bucket(name: string, bits: number): number {
  return fnv1a(name) & ((1 << bits) - 1);
}
