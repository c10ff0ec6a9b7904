import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import type { Location, Resource, Value, ValueObject } from '../../model/index.js';
import { Unknown } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { parseImageRef, UNRESOLVED } from './image-ref.js';
import { substitute, type Scope } from './substitute.js';

/** Instructions Docker knows; anything else is reported (Docker refuses to build it). */
export const KNOWN_INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** Instructions Docker rejects without an argument (HEALTHCHECK, CMD and ENTRYPOINT may be empty in exec form only). */
const NEEDS_ARGUMENTS = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'HEALTHCHECK']);

/** Build arguments BuildKit defines for FROM lines; their values depend on the build machine. */
const PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

type RawInstruction = Instruction & {
  getFlags?: () => Array<{ getName(): string; getValue(): string | null }>;
  getJSONStrings?: () => Array<{ getJSONValue(): string }>;
  getOpeningBracket?: () => unknown;
  getHeredocs?: () => Array<{ getName(): string; getContentRange(): { start: { line: number }; end: { line: number } } | null }>;
  getProperties?: () => Array<{ getName(): string; getValue(): string | null; getRange(): { start: { line: number } } }>;
  getProperty?: () => { getName(): string; getValue(): string | null } | null;
};

export interface DockerfileParseResult {
  resource: Resource;
  /** problems that did not stop the file from being read (e.g. an unknown instruction) */
  warnings: ParseError[];
}

const line0 = (ins: { getRange(): { start: { line: number }; end: { line: number } } }) => ({
  start: ins.getRange().start.line + 1,
  end: ins.getRange().end.line + 1,
});

/**
 * Reads one Dockerfile into a single `Dockerfile` resource. Throws
 * ParseError (with line) when the file cannot be a Dockerfile: empty, no
 * FROM, an instruction other than ARG before the first FROM, a FROM without
 * an image. Unknown instructions are returned as warnings; the resource is
 * still produced.
 */
export function parseDockerfile(text: string, file: string): DockerfileParseResult {
  const df: Dockerfile = DockerfileParser.parse(text);
  const escapeChar = df.getEscapeCharacter();
  const all = df.getInstructions() as RawInstruction[];
  const lines = text.split(/\r?\n/);
  const totalLines = Math.max(1, text.endsWith('\n') ? lines.length - 1 : lines.length);
  if (all.length === 0) throw new ParseError(file, 1, 'empty Dockerfile: no instructions, a Dockerfile must start with FROM');

  const warnings: ParseError[] = [];
  const locations: Record<string, Location> = {};
  const at = (start: number, end = start): Location => ({ file, startLine: start, endLine: Math.max(start, end) });

  const directives: ValueObject = {};
  for (const d of df.getDirectives()) {
    directives[d.getName().toLowerCase()] = d.getValue();
    locations[`directives.${d.getName().toLowerCase()}`] = at(d.getRange().start.line + 1);
  }

  // global ARGs: everything before the first FROM must be an ARG
  const globalArgs: ValueObject[] = [];
  const globalScope: Scope = new Map();
  let i = 0;
  for (; i < all.length && all[i]!.getKeyword() !== 'FROM'; i++) {
    const ins = all[i]!;
    const { start } = line0(ins);
    if (ins.getKeyword() !== 'ARG') {
      if (!KNOWN_INSTRUCTIONS.has(ins.getKeyword())) throw new ParseError(file, start, `unknown instruction "${ins.getInstruction()}"`);
      throw new ParseError(file, start, `${ins.getKeyword()} before the first FROM: only ARG may come before FROM`);
    }
    const prop = ins.getProperty?.();
    if (!prop) continue;
    const value = prop.getValue();
    const def = value === null ? null : substitute(value, globalScope, escapeChar);
    const resolved = def === null ? null : def.unresolved.length ? null : def.text;
    globalScope.set(prop.getName(), resolved);
    locations[`globalArgs[${globalArgs.length}]`] = at(start, line0(ins).end);
    globalArgs.push({ key: prop.getName(), default: def === null ? null : def.unresolved.length ? new Unknown('default refers to an unresolved argument', value ?? '') : def.text, line: start });
  }
  if (i === all.length) throw new ParseError(file, line0(all[all.length - 1]!).start, 'no FROM instruction: a Dockerfile needs at least one FROM');

  const fromScope: Scope = new Map(globalScope);
  for (const p of PLATFORM_ARGS) if (!fromScope.has(p)) fromScope.set(p, null);

  const stages: ValueObject[] = [];
  const aliases = new Map<string, number>();
  let stage: ValueObject | undefined;
  let stageScope: Scope = new Map();
  let base = '';
  const push = (key: string, entry: ValueObject, loc: Location): void => {
    const list = stage![key] as Value[];
    locations[`${base}.${key}[${list.length}]`] = loc;
    list.push(entry);
  };

  for (; i < all.length; i++) {
    const ins = all[i]!;
    const keyword = ins.getKeyword();
    const { start, end } = line0(ins);
    const loc = at(start, end);
    if (keyword === 'FROM') {
      stage = startStage(ins, stages.length, fromScope, aliases, file, start, escapeChar);
      base = `stages[${stages.length}]`;
      locations[base] = loc;
      locations[`${base}.from`] = loc;
      stages.push(stage);
      stageScope = new Map();
      const alias = stage.name;
      if (typeof alias === 'string') aliases.set(alias.toLowerCase(), stages.length - 1);
    }
    const s = stage!;
    // the stage's range grows to its last instruction
    locations[base] = at(locations[base]!.startLine, end);
    const flags: ValueObject = {};
    for (const f of ins.getFlags?.() ?? []) flags[f.getName()] = f.getValue();
    const json = execForm(ins);
    // dockerfile-ast recomputes arguments on every call: read them once
    const args = argsOf(ins);
    const instruction: ValueObject = { keyword, args, flags, line: start, endLine: end };
    if (json) instruction.exec = json;
    push('instructions', instruction, loc);
    if (!KNOWN_INSTRUCTIONS.has(keyword)) warnings.push(new ParseError(file, start, `unknown instruction "${ins.getInstruction()}"`));
    if (NEEDS_ARGUMENTS.has(keyword) && args === '' && !json) {
      // Docker refuses these; the instruction stays in the list but adds nothing else
      warnings.push(new ParseError(file, start, `${keyword} without arguments`));
      continue;
    }

    switch (keyword) {
      case 'ARG': {
        const prop = ins.getProperty?.();
        if (!prop) break;
        const raw = prop.getValue();
        // a re-declared global ARG without a default inherits the global default
        let value: string | null = raw === null ? (globalScope.get(prop.getName()) ?? null) : null;
        let shown: Value = value;
        if (raw !== null) {
          const sub = substitute(raw, stageScope, escapeChar);
          value = sub.unresolved.length ? null : sub.text;
          shown = sub.unresolved.length ? new Unknown('default refers to an unresolved argument', raw) : sub.text;
        }
        stageScope.set(prop.getName(), value);
        push('args', { key: prop.getName(), default: shown, line: start }, loc);
        break;
      }
      case 'ENV': {
        for (const p of ins.getProperties?.() ?? []) {
          const raw = p.getValue() ?? '';
          const sub = substitute(raw, stageScope, escapeChar);
          const value: Value = sub.unresolved.length ? new Unknown('refers to an unresolved argument', raw) : sub.text;
          stageScope.set(p.getName(), sub.unresolved.length ? null : sub.text);
          push('env', { key: p.getName(), value, line: p.getRange().start.line + 1 }, at(p.getRange().start.line + 1));
        }
        break;
      }
      case 'USER': {
        const raw = args;
        const sub = substitute(raw, stageScope, escapeChar);
        const known = sub.unresolved.length === 0;
        const [name, group] = sub.text.split(':', 2);
        s.user = known
          ? { raw, name: name ?? '', group: group ?? null, line: start }
          : { raw, name: name?.includes(UNRESOLVED) ? new Unknown('user from an unresolved argument', raw) : name ?? '', group: group === undefined ? null : group.includes(UNRESOLVED) ? new Unknown('group from an unresolved argument', raw) : group, line: start };
        locations[`${base}.user`] = loc;
        break;
      }
      case 'EXPOSE': {
        for (const a of ins.getArguments()) {
          const sub = substitute(a.getValue(), stageScope, escapeChar);
          push('expose', exposeEntry(sub.text, a.getValue(), start), at(a.getRange().start.line + 1));
        }
        break;
      }
      case 'HEALTHCHECK': {
        const sub = (ins as unknown as { getSubcommand(): { getValue(): string } | null }).getSubcommand();
        const none = sub?.getValue().toUpperCase() === 'NONE';
        s.healthcheck = { disabled: none, command: none ? null : args.replace(/^CMD\s+/i, ''), flags, line: start };
        locations[`${base}.healthcheck`] = loc;
        break;
      }
      case 'RUN': {
        const heredocs = ins.getHeredocs?.() ?? [];
        const command = heredocs.length ? heredocs.map((h) => heredocBody(lines, h)).join('\n') : json ? json.join(' ') : args;
        push('runCommands', { command, exec: json ?? null, flags, line: start }, loc);
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const key = keyword === 'CMD' ? 'cmd' : 'entrypoint';
        s[key] = { exec: json ?? null, shell: json ? null : args, line: start };
        locations[`${base}.${key}`] = loc;
        break;
      }
      case 'LABEL': {
        for (const p of ins.getProperties?.() ?? []) {
          const line = p.getRange().start.line + 1;
          push('labels', { key: p.getName(), value: p.getValue() ?? '', line }, at(line));
        }
        break;
      }
      case 'WORKDIR':
        s.workdir = args;
        locations[`${base}.workdir`] = loc;
        break;
      default:
        break;
    }
  }

  // a stage built from an earlier stage inherits its user
  for (const st of stages) {
    const from = st.from as ValueObject;
    const parent = typeof from.stage === 'number' ? stages[from.stage] : undefined;
    st.effectiveUser = st.user ?? (parent ? parent.effectiveUser ?? null : null);
  }

  const finalStage = stages.length - 1;
  const attributes: ValueObject = { directives, globalArgs, stages, finalStage };
  locations.finalStage = locations[`stages[${finalStage}]`]!;
  return {
    resource: {
      id: `Dockerfile:${file}`,
      type: 'Dockerfile',
      provider: 'docker',
      source: 'dockerfile',
      name: file,
      attributes,
      location: at(1, totalLines),
      attributeLocations: locations,
      references: [],
      meta: { stages: stages.length },
    },
    warnings,
  };
}

function startStage(ins: RawInstruction, index: number, scope: Scope, aliases: Map<string, number>, file: string, line: number, escapeChar: string): ValueObject {
  const from = ins as unknown as { getImage(): string | null; getBuildStage(): string | null; getPlatformFlag(): { getValue(): string | null } | null };
  const raw = from.getImage();
  if (!raw) throw new ParseError(file, line, 'FROM without an image');
  const sub = substitute(raw, scope, escapeChar);
  const ref = parseImageRef(sub.text, raw);
  const platformRaw = from.getPlatformFlag()?.getValue() ?? null;
  let platform: Value = platformRaw;
  if (platformRaw !== null) {
    const p = substitute(platformRaw, scope, escapeChar);
    platform = p.unresolved.length ? new Unknown('platform from a build argument', platformRaw) : p.text;
  }
  const stageRef = typeof ref.image === 'string' ? aliases.get(ref.image.toLowerCase()) : undefined;
  return {
    index,
    name: from.getBuildStage(),
    from: {
      raw,
      image: ref.image,
      registry: ref.registry,
      repository: ref.repository,
      tag: ref.tag,
      digest: ref.digest,
      platform,
      stage: stageRef ?? null,
      scratch: typeof ref.image === 'string' && ref.image.toLowerCase() === 'scratch',
      line,
    },
    instructions: [],
    user: null,
    env: [],
    args: [],
    expose: [],
    labels: [],
    healthcheck: null,
    runCommands: [],
    cmd: null,
    entrypoint: null,
    workdir: null,
  };
}

/** The instruction's arguments as one string: flags left out, line continuations joined. */
function argsOf(ins: RawInstruction): string {
  const args = ins.getArguments();
  if (args.length === 0) return '';
  return (ins.getArgumentsContent() ?? '').replace(/\s+/g, ' ').trim();
}

/** The exec (JSON) form of RUN, CMD, ENTRYPOINT and SHELL, or undefined for the shell form. */
function execForm(ins: RawInstruction): string[] | undefined {
  if (!ins.getJSONStrings || !ins.getOpeningBracket?.()) return undefined;
  const content = (ins.getArgumentsContent() ?? '').trim();
  if (!content.startsWith('[') || !content.endsWith(']')) return undefined;
  return ins.getJSONStrings().map((s) => s.getJSONValue());
}

function heredocBody(lines: string[], h: { getContentRange(): { start: { line: number }; end: { line: number } } | null }): string {
  const r = h.getContentRange();
  if (!r) return '';
  return lines.slice(r.start.line, r.end.line + 1).join('\n');
}

function exposeEntry(text: string, raw: string, line: number): ValueObject {
  if (text.includes(UNRESOLVED)) {
    const u = new Unknown('port from an unresolved variable', raw);
    return { port: u, endPort: u, protocol: /\/udp$/i.test(raw) ? 'udp' : 'tcp', raw, line };
  }
  const [ports = '', proto = 'tcp'] = text.split('/', 2);
  const [from, to] = ports.split('-', 2);
  const p = Number(from);
  const q = to === undefined ? p : Number(to);
  const valid = Number.isInteger(p) && Number.isInteger(q) && p >= 0 && q <= 65535 && p <= q;
  return valid
    ? { port: p, endPort: q, protocol: proto.toLowerCase(), raw, line }
    : { port: new Unknown('not a port number', raw), endPort: new Unknown('not a port number', raw), protocol: proto.toLowerCase(), raw, line };
}
