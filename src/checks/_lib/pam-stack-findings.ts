/**
 * Shared by the PAM stack checks: the pam_unix line of each service stack
 * that lacks a module, with the services that run it.
 */
import type { Resource } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { pamServices, pamStack, type StackEntry } from './host-auth.js';

export interface StackGap {
  /** the pam_unix line (and the file that holds it) */
  unix: StackEntry;
  /** services whose stack runs that line without the missing module */
  services: string[];
}

/** For each service, its `type` stack; when it runs pam_unix and no module matching `wanted`, the pam_unix line is reported once with every such service. */
export function stackGaps(ctx: CheckContext, type: string, wanted: RegExp): StackGap[] {
  const gaps = new Map<string, StackGap>();
  for (const svc of pamServices(ctx)) {
    const stack = pamStack(ctx, svc, type);
    const unix = stack.find(({ entry }) => entry.module === 'pam_unix' || entry.module === 'pam_unix2');
    if (!unix || stack.some(({ entry }) => wanted.test(entry.module))) continue;
    const key = `${unix.resource.id}#${unix.index}`;
    const gap = gaps.get(key) ?? { unix, services: [] };
    gap.services.push(String(svc.attributes.service));
    gaps.set(key, gap);
  }
  return [...gaps.values()];
}

/** "in its auth stack" or "in the auth stack of sshd, login". */
export function stackText(holder: Resource, services: string[], type: string): string {
  const own = services.length === 1 && services[0] === String(holder.attributes.service);
  return own ? `in its ${type} stack` : `in the ${type} stack of ${services.sort().join(', ')}`;
}
