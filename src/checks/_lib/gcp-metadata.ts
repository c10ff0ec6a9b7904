/**
 * GCE metadata keys (`serial-port-enable`, `block-project-ssh-keys`,
 * `enable-oslogin`, ...) as Terraform writes them: the `metadata` map of
 * instances, instance templates and project metadata, or one
 * `google_compute_project_metadata_item` per key. Values are strings or
 * booleans in any case ("TRUE", true); GCE also reads "1"/"0" and "y"/"n".
 */
import { getPath, isObject, isUnknown, type Resource, type Unknown, type Value } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';

export const INSTANCE_TYPES = ['google_compute_instance', 'google_compute_instance_template', 'google_compute_instance_from_template', 'google_compute_region_instance_template'];
export const PROJECT_METADATA = 'google_compute_project_metadata';
export const PROJECT_METADATA_ITEM = 'google_compute_project_metadata_item';

export interface MetadataValue {
  resource: Resource;
  /** attribute path of the value (`metadata.serial-port-enable`, or `value` of a metadata item) */
  path: string;
  /** true/false when the value reads as a boolean, an Unknown when unresolved, undefined otherwise */
  value: boolean | Unknown | undefined;
  raw: Value;
}

/** GCE's reading of a boolean metadata value. */
export function metadataBool(v: Value | undefined): boolean | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (['true', '1', 'y', 'yes'].includes(s)) return true;
  if (['false', '0', 'n', 'no'].includes(s)) return false;
  return undefined;
}

/** The value of `key` in a resource's `metadata` map: absent → undefined; the map itself unresolved → an Unknown at `metadata`. */
export function metadataKey(r: Resource, key: string): MetadataValue | undefined {
  const map = r.attributes.metadata;
  if (isUnknown(map)) return { resource: r, path: 'metadata', value: map, raw: map };
  if (!isObject(map) || !(key in map)) return undefined;
  const raw = map[key] as Value;
  return { resource: r, path: `metadata.${key}`, value: metadataBool(raw), raw };
}

/** Project-wide values of `key` in the scan: `google_compute_project_metadata` maps and metadata items. */
export function projectMetadataValues(ctx: Pick<CheckContext, 'ofType'>, key: string): MetadataValue[] {
  const out: MetadataValue[] = [];
  for (const r of ctx.ofType(PROJECT_METADATA)) {
    const v = metadataKey(r, key);
    if (v) out.push(v);
  }
  for (const r of ctx.ofType(PROJECT_METADATA_ITEM)) {
    const k = getPath(r.attributes, 'key');
    if (k !== key && !isUnknown(k)) continue;
    const raw = r.attributes.value as Value;
    out.push({ resource: r, path: 'value', value: isUnknown(k) ? k : metadataBool(raw), raw });
  }
  return out;
}

/**
 * Whether two resources are in the same project as far as the files tell:
 * the same literal `project`, or neither names one (both use the provider's
 * default project). An unresolved project matches nothing.
 */
export function sameProject(a: Resource, b: Resource): boolean {
  const pa = a.attributes.project;
  const pb = b.attributes.project;
  if (isUnknown(pa) || isUnknown(pb)) return false;
  return (pa ?? null) === (pb ?? null);
}
