import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../../scan/discover.js';
import type { ScanError } from '../../scan/errors.js';
import { jsonSyntaxError } from '../shared/json-error.js';

/**
 * Parameter values from `--var-file` files in CloudFormation's own formats:
 * the `aws cloudformation` CLI list (`[{"ParameterKey": "Env",
 * "ParameterValue": "dev"}]`) and the CodePipeline template configuration
 * (`{"Parameters": {"Env": "dev"}}`). Other files (Terraform `.tfvars`) are
 * left alone; later files win. Entries with `UsePreviousValue` are skipped:
 * the previous value is not in the repository.
 */
export function readParameterFiles(files: string[], cwd: string, errors: ScanError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    if (!f.toLowerCase().endsWith('.json')) continue;
    const abs = resolve(cwd, f);
    const shown = displayPath(abs, cwd);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      errors.push({ kind: 'io', file: shown, message: `cannot read parameter file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, source: 'cloudformation' });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      const e = jsonSyntaxError(text, shown, (err as Error).message);
      errors.push({ kind: 'config', file: shown, line: e.line, column: e.column, message: 'invalid JSON in parameter file', source: 'cloudformation' });
      continue;
    }
    Object.assign(out, parameterValues(parsed));
  }
  return out;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(',');
  return undefined;
}

export function parameterValues(parsed: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(parsed)) {
    for (const entry of parsed) {
      if (entry === null || typeof entry !== 'object') continue;
      const { ParameterKey: key, ParameterValue: value, UsePreviousValue: previous } = entry as Record<string, unknown>;
      const text = scalar(value);
      if (typeof key === 'string' && text !== undefined && previous !== true) out[key] = text;
    }
  } else if (parsed !== null && typeof parsed === 'object' && 'Parameters' in parsed) {
    const params = (parsed as { Parameters: unknown }).Parameters;
    if (params !== null && typeof params === 'object' && !Array.isArray(params)) {
      for (const [key, value] of Object.entries(params)) {
        const text = scalar(value);
        if (text !== undefined) out[key] = text;
      }
    }
  }
  return out;
}
