import type { Location, Resource, Severity, SourceKind, Value } from '../../model/index.js';
import { isObject, isUnknown, parsePath } from '../../model/index.js';
import type { CheckContext, FindingDraft } from '../engine/types.js';
import { literalSecret, maskSecret, severityForPassword } from './secrets.js';

/**
 * Shared plumbing for "a password attribute holds a literal" checks: which
 * attribute paths of which resource types hold a password, expanded over
 * nested blocks, and one masked finding per literal.
 */

export interface AttributeMatch {
  path: string;
  value: Value | undefined;
}

/**
 * Expands a pattern such as `user[*].password` or
 * `advanced_security_options[*].master_user_options[*].master_user_password`
 * against a resource's attributes. `[*]` walks every item of a list (a
 * Terraform nested block) and also accepts a single object in its place
 * (CloudFormation, YAML). Absent attributes yield no match.
 */
export function expandAttribute(root: Value, pattern: string): AttributeMatch[] {
  let current: AttributeMatch[] = [{ path: '', value: root }];
  for (const part of pattern.split('.')) {
    const star = part.endsWith('[*]');
    const key = star ? part.slice(0, -3) : part;
    const next: AttributeMatch[] = [];
    for (const { path, value } of current) {
      if (!isObject(value)) continue;
      const child = value[key];
      const childPath = path === '' ? key : `${path}.${key}`;
      if (child === undefined) continue;
      if (!star) next.push({ path: childPath, value: child });
      else if (Array.isArray(child)) child.forEach((item, i) => next.push({ path: `${childPath}[${i}]`, value: item }));
      else if (isObject(child)) next.push({ path: childPath, value: child });
      else if (isUnknown(child)) next.push({ path: childPath, value: child });
    }
    current = next;
  }
  return current;
}

/** Every literal (non-placeholder, non-unknown) value at the pattern, with its path. */
export function literalsAt(resource: Resource, pattern: string): Array<{ path: string; secret: string }> {
  const out: Array<{ path: string; secret: string }> = [];
  for (const m of expandAttribute(resource.attributes, pattern)) {
    const secret = literalSecret(m.value);
    if (secret !== undefined) out.push({ path: m.path, secret });
  }
  return out;
}

export interface PasswordAttributeSpec {
  /** native resource types */
  types: string[];
  /** patterns of attributes that hold a password (see expandAttribute) */
  paths: string[];
  /** sources these types come from */
  sources: SourceKind[];
}

/**
 * When the value at `path` of a CloudFormation resource came from a template
 * parameter's `Default` (the source records it in `meta.parameterDefaults`),
 * the parameter's name and where that Default is written: a secret given as a
 * default is hard-coded at that line, not at the `!Ref` that reads it.
 */
export function parameterDefault(resource: Resource, path: string): { parameter: string; location: Location } | undefined {
  const all = resource.meta?.parameterDefaults;
  const d = isObject(all) ? all[path] : undefined;
  if (!isObject(d) || typeof d.parameter !== 'string' || typeof d.file !== 'string' || typeof d.startLine !== 'number') return undefined;
  return { parameter: d.parameter, location: { file: d.file, startLine: d.startLine, endLine: typeof d.endLine === 'number' ? d.endLine : d.startLine } };
}

/** One finding per literal password in the given attributes, severity raised when weak. */
export function hardcodedPasswordFindings(ctx: CheckContext, specs: PasswordAttributeSpec[], base: Severity, what: string): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const spec of specs) {
    for (const r of ctx.ofType(...spec.types)) {
      if (!spec.sources.includes(r.source)) continue;
      for (const p of spec.paths) {
        for (const { path, secret } of literalsAt(r, p)) {
          const fromDefault = parameterDefault(r, path);
          out.push({
            resource: r,
            attributePath: path,
            ...(fromDefault ? { location: fromDefault.location } : {}),
            key: path,
            severity: severityForPassword(secret, base),
            message: `${r.type} ${r.name} has a hard-coded ${what} in \`${lastKey(path)}\`${fromDefault ? ` (the Default of template parameter ${fromDefault.parameter})` : ''}`,
            evidence: `${lastKey(path)} = ${maskSecret(secret)}`,
          });
        }
      }
    }
  }
  return out;
}

export function lastKey(path: string): string {
  const segs = parsePath(path).filter((s): s is string => typeof s === 'string');
  return segs[segs.length - 1] ?? path;
}
