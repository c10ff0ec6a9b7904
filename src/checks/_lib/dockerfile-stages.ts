/**
 * Read helpers over the Dockerfile source's model (see
 * src/sources/dockerfile/index.ts for the attribute shape): stages, their
 * base images, and which stages end up in the shipped image.
 */
import type { Resource, Value, ValueObject } from '../../model/index.js';
import { isObject, isUnknown } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import type { ParsedImage } from './images.js';

export interface StageRef {
  resource: Resource;
  index: number;
  stage: ValueObject;
  /** attribute path of the stage, e.g. "stages[1]" */
  path: string;
  /** the FROM record */
  from: ValueObject;
  /** index of the earlier stage this one builds on, else null */
  parentStage: number | null;
  scratch: boolean;
}

/** The Dockerfile resources of a model, or of a check context (through its type index: no pass over every resource). */
export function dockerfiles(from: readonly Resource[] | Pick<CheckContext, 'ofType'>): Resource[] {
  const candidates = 'ofType' in from ? from.ofType('Dockerfile') : from;
  return candidates.filter((r) => r.source === 'dockerfile' && r.type === 'Dockerfile');
}

export interface StageEntry {
  entry: ValueObject;
  /** attribute path, e.g. stages[1].env[0] */
  path: string;
}

/** Entries of a list attribute of a stage (env, args, runCommands, instructions, expose) with their paths. */
export function stageList(stage: { stage: ValueObject; path: string }, field: string): StageEntry[] {
  const list: Value | undefined = stage.stage[field];
  if (!Array.isArray(list)) return [];
  const out: StageEntry[] = [];
  list.forEach((e, i) => {
    if (isObject(e)) out.push({ entry: e, path: `${stage.path}.${field}[${i}]` });
  });
  return out;
}

/** Global ARGs (before the first FROM) with their paths. */
export function globalArgs(resource: Resource): StageEntry[] {
  return stageList({ stage: resource.attributes, path: '' }, 'globalArgs').map((e) => ({ ...e, path: e.path.replace(/^\./, '') }));
}

export interface RunCommand {
  stage: StageRef;
  /** attribute path, e.g. stages[0].runCommands[2] */
  path: string;
  /** the command as one string (exec form joined with spaces, heredoc bodies included) */
  text: string;
  /** the exec-form argument list, when the RUN used one */
  exec: string[] | null;
}

/** Every RUN of every stage of a Dockerfile resource. */
export function runCommandsOf(resource: Resource): RunCommand[] {
  const out: RunCommand[] = [];
  for (const st of stagesOf(resource)) {
    for (const { entry, path } of stageList(st, 'runCommands')) {
      const exec = Array.isArray(entry.exec) ? entry.exec.filter((t): t is string => typeof t === 'string') : null;
      const text = typeof entry.command === 'string' ? entry.command : (exec ?? []).join(' ');
      out.push({ stage: st, path, text, exec });
    }
  }
  return out;
}

export function stagesOf(resource: Resource): StageRef[] {
  const list = resource.attributes.stages;
  if (!Array.isArray(list)) return [];
  const out: StageRef[] = [];
  list.forEach((s: Value, i) => {
    if (!isObject(s) || !isObject(s.from)) return;
    const parent = s.from.stage;
    out.push({ resource, index: i, stage: s, path: `stages[${i}]`, from: s.from, parentStage: typeof parent === 'number' ? parent : null, scratch: s.from.scratch === true });
  });
  return out;
}

/**
 * The base image of a stage as a ParsedImage, when it is an image (not
 * scratch, not an earlier stage) whose repository is known. `unknownTag` /
 * `unknownDigest` tell whether a build argument without value stands there.
 */
export function baseImageOf(st: StageRef): { image: ParsedImage; unknownTag: boolean; unknownDigest: boolean } | undefined {
  if (st.scratch || st.parentStage !== null) return undefined;
  const { registry, repository, tag, digest, image } = st.from;
  if (typeof repository !== 'string' || isUnknown(registry)) return undefined;
  return {
    image: {
      raw: typeof image === 'string' ? image : String(st.from.raw ?? repository),
      registry: typeof registry === 'string' ? registry : null,
      repository,
      tag: typeof tag === 'string' ? tag : null,
      digest: typeof digest === 'string' ? digest : null,
    },
    unknownTag: isUnknown(tag),
    unknownDigest: isUnknown(digest),
  };
}

/** Indexes of the stages whose contents reach the final image: the final stage and the stages it builds on. */
export function shippedStages(resource: Resource, stages: StageRef[]): Set<number> {
  const out = new Set<number>();
  const final = resource.attributes.finalStage;
  let cur: number | null = typeof final === 'number' ? final : stages.length - 1;
  while (cur !== null && !out.has(cur)) {
    out.add(cur);
    cur = stages.find((s) => s.index === cur)?.parentStage ?? null;
  }
  return out;
}

/**
 * Evidence text from a build command with the parts that commonly carry
 * credentials hidden: URL user info, query strings, HTTP header values and
 * `--password`/`token=`-style values. Truncated to `max` characters.
 */
export function redactCommand(text: string, max = 200): string {
  const redacted = text
    .replace(/(\w+:\/\/)[^/\s@'"]+@/g, '$1***@')
    .replace(/(https?:\/\/[^\s?'"]+)\?[^\s'"]*/gi, '$1?***')
    .replace(/(-H|--header)(\s+|=)(["']?)[^"'\n]*\3/g, '$1$2$3***$3')
    .replace(/((?:--)?(?:password|passwd|token|secret|api[-_]?key)[=\s:]+)(["']?)[^\s"']+\2/gi, '$1$2***$2');
  return redacted.length > max ? `${redacted.slice(0, max - 1)}…` : redacted;
}
