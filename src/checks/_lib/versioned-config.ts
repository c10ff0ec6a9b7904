/**
 * Small readers shared by the patch checks that judge configured versions
 * (engine_version, runtime, kubernetes_version, ...) in Terraform, plan JSON
 * and CloudFormation resources.
 */
import type { Resource, Severity, Unknown, Value } from '../../model/index.js';
import { asBool, getPath, isUnknown } from '../../model/index.js';
import type { CheckContext, FindingDraft } from '../engine/types.js';
import { describeVerdict, type EolVerdict } from './eol.js';

/** A string attribute: its text, the Unknown standing there, or undefined when absent or not scalar. */
export function readText(resource: Resource, path: string): string | Unknown | undefined {
  const v: Value | undefined = getPath(resource.attributes, path);
  if (isUnknown(v)) return v;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

/**
 * A Kubernetes minor version written as a YAML/JSON number loses its trailing
 * zero (1.30 → 1.3). Minors below 10 are from 2017 and earlier, so a
 * one-digit minor read from a number is taken as x.y0.
 */
export function readKubernetesVersion(resource: Resource, path: string): string | Unknown | undefined {
  const v = getPath(resource.attributes, path);
  if (typeof v === 'number') {
    const [maj, min] = String(v).split('.');
    return min !== undefined && min.length === 1 ? `${maj}.${min}0` : String(v);
  }
  return readText(resource, path);
}

/** True only when the attribute is explicitly false ("false" included); Unknown and absent are not false. */
export function isExplicitlyFalse(resource: Resource, path: string): boolean {
  return asBool(getPath(resource.attributes, path)) === false;
}

/** Resources of the given native types read by the given sources (through the context's type index). */
export function resourcesOf(ctx: Pick<CheckContext, 'ofType'>, types: readonly string[], sources: readonly string[]): Resource[] {
  return ctx.ofType(...types).filter((r) => sources.includes(r.source));
}

export const TERRAFORM_SOURCES = ['terraform', 'terraform-plan'] as const;

/**
 * A finding for a version past its end. Versions only in paid extended
 * support get `extendedSeverity`; fully unsupported ones keep the check's.
 */
export function versionFinding(
  resource: Resource,
  attributePath: string | undefined,
  what: string,
  value: string,
  v: EolVerdict,
  extendedSeverity: Severity = 'medium',
  evidence?: string,
): FindingDraft | undefined {
  if (v.status === 'supported') return undefined;
  const draft: FindingDraft = {
    resource,
    attributePath,
    message: `${what} ${value} ${describeVerdict(v)}`,
    evidence: evidence ?? (attributePath ? `${attributePath.replace(/\[0\]/g, '')} = ${value}` : value),
  };
  if (v.status === 'extended') draft.severity = extendedSeverity;
  return draft;
}
