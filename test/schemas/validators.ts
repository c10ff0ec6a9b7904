/**
 * Ajv validators for the report formats, shared by the tests.
 *
 * - `docs/report.schema.json` (our JSON report, draft 2020-12).
 * - `test/schemas/sarif-schema-2.1.0.json`: the OASIS SARIF 2.1.0 schema,
 *   verbatim (see README.md here). Two of its quirks stop Ajv from compiling
 *   it, so they are fixed in memory, never in the file:
 *   1. `definitions.region.properties.anyOf` is an array placed among the
 *      properties (a property named "anyOf" is not a schema). Its evident intent
 *      — a region needs startLine, charOffset or byteOffset — is applied by
 *      moving it up to `definitions.region.anyOf`.
 *   2. The `language` patterns use the inline flag `(?i)` (`^(?i)[a-zA]{2}...`),
 *      which JavaScript regular expressions do not support; the regexp engine
 *      below drops it and sets the `i` flag instead.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv and ajv-formats are CommonJS: imported from ESM, the class and the
// plugin are the modules' `default` properties
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

const readJson = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as Record<string, unknown>;

function inlineFlagRegExp(pattern: string, flags: string): RegExp {
  if (!pattern.includes('(?i)')) return new RegExp(pattern, flags);
  return new RegExp(pattern.replaceAll('(?i)', ''), flags.includes('i') ? flags : `${flags}i`);
}
inlineFlagRegExp.code = 'new RegExp';

function newAjv(): InstanceType<typeof Ajv2020> {
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp: inlineFlagRegExp } });
  addFormats(ajv);
  return ajv;
}

export function sarifSchema(): Record<string, unknown> {
  const schema = readJson('./sarif-schema-2.1.0.json');
  const defs = schema.definitions as Record<string, { properties: Record<string, unknown>; anyOf?: unknown }>;
  const region = defs.region!;
  if (Array.isArray(region.properties.anyOf)) {
    region.anyOf = region.properties.anyOf;
    delete region.properties.anyOf;
  }
  return schema;
}

let sarif: ValidateFunction | undefined;
let report: ValidateFunction | undefined;

export function validateSarif(log: unknown): ErrorObject[] {
  const validate = (sarif ??= newAjv().compile(sarifSchema()));
  return validate(log) ? [] : [...(validate.errors ?? [])];
}

export function validateJsonReport(doc: unknown): ErrorObject[] {
  const validate = (report ??= newAjv().compile(readJson('../../docs/report.schema.json')));
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

export function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
