import type { Resource, Value, ValueObject } from '../../model/index.js';
import { isObject } from '../../model/index.js';

/** Typed views of the Dockerfile source's attributes (see src/sources/dockerfile/index.ts). */

export interface DockerStage {
  stage: ValueObject;
  index: number;
  /** attribute path, e.g. stages[1] */
  path: string;
}

export function dockerfiles(resources: readonly Resource[]): Resource[] {
  return resources.filter((r) => r.source === 'dockerfile' && r.type === 'Dockerfile');
}

export function stagesOf(resource: Resource): DockerStage[] {
  const stages = resource.attributes.stages;
  if (!Array.isArray(stages)) return [];
  const out: DockerStage[] = [];
  stages.forEach((s, i) => {
    if (isObject(s)) out.push({ stage: s, index: i, path: `stages[${i}]` });
  });
  return out;
}

/** Entries of a list attribute of a stage (env, args, runCommands, instructions) with their paths. */
export function stageList(stage: DockerStage, field: string): Array<{ entry: ValueObject; path: string }> {
  const list: Value | undefined = stage.stage[field];
  if (!Array.isArray(list)) return [];
  const out: Array<{ entry: ValueObject; path: string }> = [];
  list.forEach((e, i) => {
    if (isObject(e)) out.push({ entry: e, path: `${stage.path}.${field}[${i}]` });
  });
  return out;
}

/** Global ARGs (before the first FROM) with their paths. */
export function globalArgs(resource: Resource): Array<{ entry: ValueObject; path: string }> {
  const list = resource.attributes.globalArgs;
  if (!Array.isArray(list)) return [];
  const out: Array<{ entry: ValueObject; path: string }> = [];
  list.forEach((e, i) => {
    if (isObject(e)) out.push({ entry: e, path: `globalArgs[${i}]` });
  });
  return out;
}
