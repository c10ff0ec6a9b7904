/** Small readers of Terraform google values shared by the GCP engine's parts. */
import { asList, isUnknown, type Value } from '../../../model/index.js';

export type Tri = 'yes' | 'no' | 'unknown';

export function lastSegment(s: string): string {
  const t = s.trim().replace(/\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1);
}

/** A list of strings, or undefined when it (or an element) is unknown. */
export function strings(v: Value | undefined): string[] | undefined {
  if (isUnknown(v)) return undefined;
  const list = asList(v);
  if (list.some(isUnknown)) return undefined;
  return list.filter((x): x is string => typeof x === 'string');
}
