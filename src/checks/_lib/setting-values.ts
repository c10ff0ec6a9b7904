/**
 * Checks that judge one string setting per resource type (a minimum TLS
 * version, an SSL mode, a security policy name) across HCL, plan JSON and
 * CloudFormation. `[*]` in a path stands for every element of a list
 * (Terraform blocks, CloudFormation lists), so one rule covers repeated blocks.
 */
import { getPath, isUnknown, type Resource, type Unknown } from '../../model/index.js';
import type { FindingDraft } from '../engine/types.js';
import { readText } from './versioned-config.js';

export interface SettingRule {
  type: string;
  /** attribute path; `[*]` expands to every list element */
  path: string;
  /** true when the (trimmed) value is a weak one */
  weak: (value: string) => boolean;
  /** the value the provider or service assumes when the attribute is absent, when that value is weak */
  weakDefault?: string;
}

/** A scalar setting as text (booleans as `true` / `false`); the Unknown standing there; undefined when absent, empty or not scalar. */
export function readSetting(resource: Resource, path: string): string | Unknown | undefined {
  const text = readText(resource, path);
  if (text !== undefined) return text;
  const v = getPath(resource.attributes, path);
  return typeof v === 'boolean' ? String(v) : undefined;
}

/** Concrete paths for a path with `[*]` wildcards, as far as the resource holds lists there. */
export function expandPath(resource: Resource, path: string): string[] {
  const star = path.indexOf('[*]');
  if (star < 0) return [path];
  const head = path.slice(0, star);
  const list = getPath(resource.attributes, head);
  // an absent list still names the path, so an absent setting points at the deepest parent present
  if (!Array.isArray(list) || list.length === 0) return expandPath(resource, `${head}[0]${path.slice(star + 3)}`);
  return list.flatMap((_, i) => expandPath(resource, `${head}[${i}]${path.slice(star + 3)}`));
}

/**
 * One finding per weak value (explicit, or the weak default when absent);
 * unresolved values give `verdict: unknown`.
 */
export function settingFindings(
  ofType: (type: string) => readonly Resource[],
  rules: readonly SettingRule[],
  message: (r: Resource, value: string, explicit: boolean) => string,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const rule of rules) {
    for (const r of ofType(rule.type)) {
      for (const path of expandPath(r, rule.path)) {
        const v = readSetting(r, path);
        if (isUnknown(v)) {
          out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` });
        } else if (v !== undefined) {
          if (rule.weak(v)) out.push({ resource: r, key: path, attributePath: path, message: message(r, v, true), evidence: `${path} = ${v}` });
        } else if (rule.weakDefault !== undefined) {
          out.push({ resource: r, key: path, attributePath: path, message: message(r, rule.weakDefault, false), evidence: `${path} not set (defaults to ${rule.weakDefault})` });
        }
      }
    }
  }
  return out;
}
