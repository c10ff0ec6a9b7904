import { asNumber, getPath, isObject, isUnknown, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** User names that are the superuser: root on Linux, ContainerAdministrator on Windows images. */
const ROOT_NAMES = new Set(['root', 'containeradministrator']);

/** Base images whose own default user is not root (distroless :nonroot, Chainguard/Wolfi -nonroot tags). */
function baseImageIsNonRoot(from: Value | undefined): boolean {
  if (!isObject(from)) return false;
  const tag = from.tag;
  return typeof tag === 'string' && /(^|[-_.])nonroot($|[-_.])/i.test(tag);
}

/**
 * The user an ENTRYPOINT switches to before starting the program, when it is
 * a privilege-dropping wrapper run directly: `gosu USER cmd`, `su-exec USER
 * cmd`, `s6-setuidgid USER cmd`, `setpriv --reuid=USER cmd`, `runuser -u USER
 * -- cmd`. A wrapper hidden in an entrypoint script is not seen.
 */
export function entrypointUser(entrypoint: Value | undefined): string | undefined {
  if (!isObject(entrypoint)) return undefined;
  const words = Array.isArray(entrypoint.exec)
    ? entrypoint.exec.filter((w): w is string => typeof w === 'string')
    : typeof entrypoint.shell === 'string'
      ? entrypoint.shell.trim().split(/\s+/)
      : [];
  const [cmd, ...args] = words;
  if (cmd === undefined) return undefined;
  const tool = cmd.slice(cmd.lastIndexOf('/') + 1);
  if (tool === 'gosu' || tool === 'su-exec' || tool === 's6-setuidgid') return args[0];
  if (tool === 'setpriv') {
    const i = args.findIndex((a) => a === '--reuid' || a.startsWith('--reuid='));
    if (i < 0) return undefined;
    return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
  }
  if (tool === 'runuser') {
    const i = args.indexOf('-u');
    return i >= 0 ? args[i + 1] : undefined;
  }
  return undefined;
}

export function isRootUser(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (ROOT_NAMES.has(n)) return true;
  const uid = asNumber(n);
  return uid === 0;
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-020',
    title: 'Container image runs as root',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'When the final stage of a Dockerfile has no USER instruction (or sets USER root / 0), the container\'s process runs as root unless the runtime overrides it; a compromise of the application then starts with root inside the container, one kernel or runtime bug away from the host. Only the final stage matters: build stages never run in production.',
    remediation: 'Create an unprivileged user and end the final stage with `USER <name or uid>` (for example `USER 10001`), or build on a base image that defaults to a non-root user.',
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'https://docs.docker.com/build/building/best-practices/#user'],
    compliance: { 'cis-docker': ['4.1'], 'nist-800-53': ['AC-6', 'CM-6'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('Dockerfile')) {
      if (r.source !== 'dockerfile') continue;
      const finalIndex = getPath(r.attributes, 'finalStage');
      if (typeof finalIndex !== 'number') continue;
      const stagePath = `stages[${finalIndex}]`;
      const stage = getPath(r.attributes, stagePath);
      if (!isObject(stage)) continue;
      const own = stage.user;
      const effective = stage.effectiveUser;
      const user = isObject(own) ? own : isObject(effective) ? effective : undefined;
      // the image starts as root only to hand the process to another user (gosu, su-exec, ...)
      const dropsTo = entrypointUser(stage.entrypoint);
      if (dropsTo !== undefined && dropsTo !== '' && !isRootUser(dropsTo.split(':')[0]!)) continue;
      // an inherited USER sits in the parent stage
      const userPath = isObject(own) ? `${stagePath}.user` : isObject(effective) ? inheritedUserPath(r.attributes, finalIndex) : undefined;
      if (!user) {
        if (baseImageIsNonRoot(getPath(r.attributes, `${stagePath}.from`))) continue;
        out.push({ resource: r, attributePath: `${stagePath}.from`, message: `the final stage of ${r.name} has no USER instruction, so it runs as root`, evidence: 'no USER in the final stage' });
        continue;
      }
      const name = user.name;
      if (isUnknown(name)) {
        out.push({ resource: r, attributePath: userPath, verdict: 'unknown', message: `the final stage of ${r.name} runs as an unresolved user (${name.toString()})` });
        continue;
      }
      if (typeof name === 'string' && isRootUser(name))
        out.push({ resource: r, attributePath: userPath, message: `the final stage of ${r.name} runs as ${name}`, evidence: `USER ${typeof user.raw === 'string' ? user.raw : name}` });
    }
    return out;
  },
});

/** Attribute path of the USER a stage inherits: the nearest ancestor stage that sets one. */
function inheritedUserPath(attributes: Value, index: number): string | undefined {
  let i: Value | undefined = index;
  const seen = new Set<number>();
  while (typeof i === 'number' && !seen.has(i)) {
    seen.add(i);
    if (isObject(getPath(attributes, `stages[${i}].user`))) return `stages[${i}].user`;
    i = getPath(attributes, `stages[${i}].from.stage`);
  }
  return undefined;
}
