import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanError } from '../../scan/errors.js';
import { ParseError, toScanError } from '../../scan/errors.js';
import { displayPath } from '../../scan/discover.js';
import type { Attribute, Block, Body } from './ast.js';
import { parseHclFile } from './hcl-parser.js';
import { parseTfJson } from './json-syntax.js';

/** The declarations of one module directory: every `.tf` and `.tf.json` file in it. */
export interface ModuleConfig {
  /** absolute directory */
  dir: string;
  files: string[];
  variables: Map<string, Block>;
  locals: Map<string, { attr: Attribute; file: string }>;
  outputs: Map<string, Block>;
  /** "type.name" → block */
  resources: Map<string, Block>;
  /** "type.name" → block (without the "data." prefix) */
  data: Map<string, Block>;
  modules: Map<string, Block>;
  providers: Block[];
  /** resource types declared here (for telling `aws_x.y` references from other names) */
  resourceTypes: Set<string>;
  errors: ScanError[];
}

export function isConfigFile(path: string): boolean {
  return path.endsWith('.tf') || path.endsWith('.tf.json');
}

export function isVarFile(path: string): boolean {
  return path.endsWith('.tfvars') || path.endsWith('.tfvars.json');
}


export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a configuration file of either syntax. */
export function parseConfigFile(text: string, file: string): Body {
  return file.endsWith('.json') ? parseTfJson(text, file) : parseHclFile(text, file);
}

/** Lists the configuration files of a directory, sorted as Terraform reads them. */
export function configFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter(isConfigFile)
    .sort()
    .map((n) => join(dir, n));
}

/** One configuration file read and parsed: its AST, or the error that stopped it. */
export interface ParsedFile {
  body?: Body;
  error?: ScanError;
}

export function parseOneFile(abs: string, shown: string): ParsedFile {
  try {
    return { body: parseConfigFile(stripBom(readFileSync(abs, 'utf8')), shown) };
  } catch (err) {
    return { error: toScanError(err, shown, 'terraform') };
  }
}

/** Reads and indexes a module directory; `parsed` holds files already parsed (in parallel) by absolute path. */
export function loadModuleConfig(dir: string, absFiles: string[], cwd: string, parsed?: ReadonlyMap<string, ParsedFile>): ModuleConfig {
  const cfg: ModuleConfig = {
    dir,
    files: [],
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: new Map(),
    data: new Map(),
    modules: new Map(),
    providers: [],
    resourceTypes: new Set(),
    errors: [],
  };
  for (const abs of absFiles) {
    const shown = displayPath(abs, cwd);
    cfg.files.push(shown);
    const file = parsed?.get(abs) ?? parseOneFile(abs, shown);
    if (file.error) cfg.errors.push(file.error);
    if (file.body) addDeclarations(cfg, file.body, shown);
  }
  return cfg;
}

function addDeclarations(cfg: ModuleConfig, body: Body, file: string): void {
  const duplicate = (what: string, b: Block, first: Block): void => {
    cfg.errors.push({ kind: 'parse', file, line: b.line, message: `duplicate ${what}: already declared at ${first.file}:${first.line}; the first one is used`, source: 'terraform' });
  };
  for (const b of body.blocks) {
    const [l0, l1] = b.labels;
    switch (b.type) {
      case 'resource':
        if (l0 && l1) {
          const prev = cfg.resources.get(`${l0}.${l1}`);
          if (prev) duplicate(`resource ${l0}.${l1}`, b, prev);
          else cfg.resources.set(`${l0}.${l1}`, b);
          cfg.resourceTypes.add(l0);
        }
        break;
      case 'data': {
        const prev = l0 && l1 ? cfg.data.get(`${l0}.${l1}`) : undefined;
        if (prev) duplicate(`data source ${l0}.${l1}`, b, prev);
        else if (l0 && l1) cfg.data.set(`${l0}.${l1}`, b);
        break;
      }
      case 'variable':
        if (l0) cfg.variables.set(l0, b);
        break;
      case 'output':
        if (l0) cfg.outputs.set(l0, b);
        break;
      case 'module':
        if (l0) cfg.modules.set(l0, b);
        break;
      case 'provider':
        if (l0) cfg.providers.push(b);
        break;
      case 'locals':
        for (const a of b.body.attrs) cfg.locals.set(a.name, { attr: a, file });
        break;
      default:
        break;
    }
  }
}
