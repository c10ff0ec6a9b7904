import { getPath, isObject, isUnknown, type Location, type Reference, type Resource, type Value, type ValueObject } from '../../model/index.js';
import type { Tags } from 'yaml';
import { ParseError } from '../../scan/errors.js';
import { jsonSyntaxError } from '../shared/json-error.js';
import { parseYamlDocuments, rebaseLocations, type YamlDoc } from '../shared/yaml-values.js';
import { IntrinsicEvaluator, NO_VALUE, type EvalContext } from './intrinsics.js';
import { SAM_GLOBAL_SECTIONS, mergeGlobals } from './sam-globals.js';
import { cloudformationTags } from './tags.js';

/**
 * CloudFormation reads YAML 1.1: `yes`/`no`/`on`/`off` are booleans and
 * `0755` is octal. Dates and `1:20` stay strings (an unquoted
 * `AWSTemplateFormatVersion: 2010-09-09` is a string to CloudFormation), so
 * the timestamp and sexagesimal types are left out.
 */
const CLOUDFORMATION_YAML: Parameters<typeof parseYamlDocuments>[2] = {
  version: '1.1',
  customTags: (tags: Tags) => tags.filter((t) => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp')),
  localTags: cloudformationTags,
};

export interface TemplateResult {
  resources: Resource[];
  /** problems that cost one resource (or one tag), not the whole file */
  errors: ParseError[];
}

/**
 * Reads one CloudFormation template (JSON or YAML, short or long intrinsic
 * forms) into resources. Throws ParseError when the file as a whole cannot be
 * read; returns per-resource problems (no `Type`, an unknown tag) in `errors`
 * and keeps the other resources.
 */
export function parseTemplate(text: string, file: string, overrides: Record<string, string> = {}): TemplateResult {
  // JSON templates get JSON's own error position and wording; YAML then reads them with locations
  if (/^\s*\{/.test(text)) {
    try {
      JSON.parse(text);
    } catch (err) {
      throw jsonSyntaxError(text, file, (err as Error).message);
    }
  }
  const docs = parseYamlDocuments(text, file, CLOUDFORMATION_YAML);
  if (docs.length <= 1) return parseDocument(docs[0], file, overrides);
  // Several YAML documents (`---`): CloudFormation itself takes one, but a file of
  // several templates is read template by template; one that is not a template
  // costs only itself, unless none is.
  const resources: Resource[] = [];
  const errors: ParseError[] = [];
  let firstFailure: ParseError | undefined;
  for (const doc of docs) {
    if (doc.value === null || doc.value === undefined) continue;
    try {
      const out = parseDocument(doc, file, overrides);
      resources.push(...out.resources);
      errors.push(...out.errors);
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      firstFailure ??= err;
      errors.push(err);
    }
  }
  if (resources.length === 0 && firstFailure) throw firstFailure;
  return { resources, errors };
}

function parseDocument(doc: YamlDoc | undefined, file: string, overrides: Record<string, string>): TemplateResult {
  if (!doc || !isObject(doc.value)) throw new ParseError(file, doc?.startLine ?? 1, 'not a CloudFormation template: the top level is not a mapping');
  const template = doc.value;
  const locations = doc.locations;
  const errors: ParseError[] = [];
  const resourcesSection = template.Resources;
  if (!isObject(resourcesSection)) throw new ParseError(file, locations.Resources?.startLine ?? 1, 'CloudFormation template without a Resources mapping');

  // unknown tags: an error each; a resource holding one is not loaded
  const brokenResources = new Set<string>();
  for (const t of doc.unknownTags) {
    errors.push(new ParseError(file, t.line, `unknown tag ${t.tag}`));
    const m = /^Resources\.([^.[]+)/.exec(t.path);
    if (m) brokenResources.add(m[1] as string);
  }

  const ids = new Set(Object.keys(resourcesSection));
  const evaluator = new IntrinsicEvaluator(template, locations, ids, overrides);
  const resources: Resource[] = [];
  for (const [logicalId, def] of Object.entries(resourcesSection)) {
    const base = `Resources.${logicalId}`;
    const whole: Location = locations[base] ?? { file, startLine: 1, endLine: 1 };
    if (brokenResources.has(logicalId)) continue;
    if (logicalId.startsWith('Fn::ForEach')) {
      errors.push(new ParseError(file, whole.startLine, `${logicalId}: Fn::ForEach (AWS::LanguageExtensions) is not expanded; its resources are not scanned`));
      continue;
    }
    if (!isObject(def)) {
      errors.push(new ParseError(file, whole.startLine, `resource ${logicalId} is not a mapping`));
      continue;
    }
    if (typeof def.Type !== 'string' || def.Type === '') {
      errors.push(new ParseError(file, whole.startLine, `resource ${logicalId} has no Type`));
      continue;
    }
    const meta: Record<string, Value> = { logicalId };
    if (def.Condition !== undefined) {
      const name = typeof def.Condition === 'string' ? def.Condition : JSON.stringify(def.Condition);
      const c = evaluator.condition(name);
      if (c === false) continue;
      meta.conditionName = name;
      meta.condition = c === true ? true : 'unknown';
    }
    const ctx: EvalContext = { references: [], locations: {}, defaults: {} };
    // `Properties:` with nothing after it (YAML null) is a resource without properties
    const props = def.Properties === undefined || def.Properties === null ? {} : evaluator.evaluate(def.Properties, `${base}.Properties`, '', ctx);
    if (isUnknown(props)) meta.properties = 'unknown';
    else if (props !== NO_VALUE && !isObject(props)) {
      errors.push(new ParseError(file, locations[`${base}.Properties`]?.startLine ?? whole.startLine, `resource ${logicalId}: Properties is not a mapping`));
      continue;
    }
    let attributes: ValueObject = props !== NO_VALUE && isObject(props) ? props : {};
    let attributeLocations = ctx.locations;
    const globalsSection = SAM_GLOBAL_SECTIONS[def.Type];
    const globals = globalsSection && isObject(template.Globals) ? template.Globals[globalsSection] : undefined;
    if (isObject(globals) && props !== NO_VALUE && !isUnknown(props)) {
      const gctx: EvalContext = { references: ctx.references, locations: {} };
      const g = evaluator.evaluate(globals, `Globals.${globalsSection}`, '', gctx);
      if (g !== NO_VALUE && isObject(g)) {
        ({ attributes, locations: attributeLocations } = mergeGlobals(g, attributes, gctx.locations, ctx.locations));
        meta.samGlobals = globalsSection;
      }
    }
    // values taken from a parameter's Default: a check reporting a secret there can point at the Default line
    const defaults = Object.entries(ctx.defaults ?? {}).filter(([path]) => path in attributeLocations || getPath(attributes, path) !== undefined);
    if (defaults.length > 0) meta.parameterDefaults = Object.fromEntries(defaults.map(([path, d]) => [path, { parameter: d.parameter, ...d.location }]));
    const references: Reference[] = ctx.references;
    for (const dep of typeof def.DependsOn === 'string' ? [def.DependsOn] : Array.isArray(def.DependsOn) ? def.DependsOn : []) {
      if (typeof dep === 'string') references.push({ attribute: 'DependsOn', target: dep });
    }
    for (const key of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
      if (typeof def[key] === 'string') meta[key === 'DeletionPolicy' ? 'deletionPolicy' : 'updateReplacePolicy'] = def[key];
    }
    resources.push({
      id: logicalId,
      type: def.Type,
      provider: 'aws',
      source: 'cloudformation',
      name: logicalId,
      attributes,
      location: whole,
      attributeLocations,
      references,
      meta,
    });
  }
  resources.push(...sectionResources(template, locations, file, evaluator));
  return { resources, errors };
}

/** Model types of the template's Parameters and Outputs entries (not CloudFormation resource types). */
export const CFN_PARAMETER_TYPE = 'AWS::CloudFormation::Parameter';
export const CFN_OUTPUT_TYPE = 'AWS::CloudFormation::Output';

/**
 * One resource per `Parameters` and `Outputs` entry, so checks can judge a
 * secret-named parameter without `NoEcho` or an output that prints a secret.
 * `id` is `Parameters.<name>` / `Outputs.<name>` (a logical id holds no dot,
 * so ids never clash with resources); `attributes` are the entry as written
 * (intrinsics in their long form, `{ Ref: X }`, not evaluated: an output's
 * Value is judged by what it names, not by a parameter's Default). An output
 * whose `Condition` is false is left out. They carry no references, so graph
 * checks see the same resources as before.
 */
function sectionResources(template: ValueObject, locations: Record<string, Location>, file: string, evaluator: IntrinsicEvaluator): Resource[] {
  const out: Resource[] = [];
  for (const [section, type] of [['Parameters', CFN_PARAMETER_TYPE], ['Outputs', CFN_OUTPUT_TYPE]] as const) {
    const entries = template[section];
    if (!isObject(entries)) continue;
    for (const [name, def] of Object.entries(entries)) {
      if (!isObject(def)) continue;
      const id = `${section}.${name}`;
      const meta: Record<string, Value> = { section };
      if (section === 'Outputs' && typeof def.Condition === 'string') {
        const c = evaluator.condition(def.Condition);
        if (c === false) continue;
        meta.conditionName = def.Condition;
        meta.condition = c === true ? true : 'unknown';
      }
      out.push({
        id,
        type,
        provider: 'aws',
        source: 'cloudformation',
        name,
        attributes: def,
        location: locations[id] ?? { file, startLine: 1, endLine: 1 },
        attributeLocations: rebaseLocations(locations, id),
        references: [],
        meta,
      });
    }
  }
  return out;
}
