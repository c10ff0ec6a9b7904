import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPath, isUnknown, locate, type Resource } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { loadModel } from '../../scan/scan.js';
import { dockerfileSource, looksLikeDockerfile } from './index.js';
import { parseDockerfile } from './parse.js';

const read = (text: string): Resource => parseDockerfile(text, 'Dockerfile').resource;
const at = (r: Resource, path: string) => getPath(r.attributes, path);
const lineOf = (r: Resource, path: string) => locate(r, path).startLine;

const MULTI = [
  '# syntax=docker/dockerfile:1', // 1
  'ARG BASE=node', // 2
  'ARG NODE_VERSION=20', // 3
  'ARG UNSET', // 4
  'FROM --platform=$BUILDPLATFORM ${BASE}:${NODE_VERSION}-alpine AS build', // 5
  '# a comment between instructions', // 6
  'WORKDIR /src', // 7
  'ENV NODE_ENV=production \\', // 8
  '    API_URL="http://api:8080"', // 9
  'RUN npm ci \\', // 10
  '    && npm run build', // 11
  'USER node', // 12
  '', // 13
  'FROM build AS test', // 14
  'RUN npm test', // 15
  '', // 16
  'FROM gcr.io/distroless/nodejs20-debian12:nonroot@sha256:0123abcd AS final', // 17
  'ARG PORT=3000', // 18
  'ENV LISTEN=$PORT', // 19
  'COPY --from=build --chown=65532:65532 /src/dist /app', // 20
  'EXPOSE ${PORT}/tcp 9000-9010/udp', // 21
  'USER 65532:65532', // 22
  'HEALTHCHECK --interval=30s CMD ["/nodejs/bin/node", "/app/health.js"]', // 23
  'ENTRYPOINT ["/nodejs/bin/node"]', // 24
  'CMD ["/app/server.js"]', // 25
].join('\n');

describe('Dockerfile source: attributes', () => {
  const r = read(MULTI);

  it('produces one resource per file with the documented identity', () => {
    expect(r).toMatchObject({ id: 'Dockerfile:Dockerfile', type: 'Dockerfile', provider: 'docker', source: 'dockerfile', name: 'Dockerfile' });
    expect(r.location).toEqual({ file: 'Dockerfile', startLine: 1, endLine: 25 });
    expect(at(r, 'finalStage')).toBe(2);
    expect(at(r, 'directives.syntax')).toBe('docker/dockerfile:1');
  });

  it('reads global ARGs and substitutes them in FROM', () => {
    expect(at(r, 'globalArgs')).toEqual([
      { key: 'BASE', default: 'node', line: 2 },
      { key: 'NODE_VERSION', default: '20', line: 3 },
      { key: 'UNSET', default: null, line: 4 },
    ]);
    expect(at(r, 'stages[0].from')).toMatchObject({ raw: '${BASE}:${NODE_VERSION}-alpine', image: 'node:20-alpine', registry: null, repository: 'node', tag: '20-alpine', digest: null, stage: null, scratch: false, line: 5 });
    expect(isUnknown(at(r, 'stages[0].from.platform'))).toBe(true);
    expect(at(r, 'stages[0].name')).toBe('build');
  });

  it('tells a stage reference from a base image', () => {
    expect(at(r, 'stages[1].from.stage')).toBe(0);
    expect(at(r, 'stages[2].from')).toMatchObject({ registry: 'gcr.io', repository: 'distroless/nodejs20-debian12', tag: 'nonroot', digest: 'sha256:0123abcd', stage: null });
  });

  it('records user, inherited user, env, expose, healthcheck and exec forms', () => {
    expect(at(r, 'stages[0].user')).toEqual({ raw: 'node', name: 'node', group: null, line: 12 });
    expect(at(r, 'stages[1].user')).toBeNull();
    expect(at(r, 'stages[1].effectiveUser')).toMatchObject({ name: 'node' });
    expect(at(r, 'stages[2].user')).toMatchObject({ name: '65532', group: '65532' });
    expect(at(r, 'stages[0].env')).toEqual([
      { key: 'NODE_ENV', value: 'production', line: 8 },
      { key: 'API_URL', value: 'http://api:8080', line: 9 },
    ]);
    expect(at(r, 'stages[2].env[0].value')).toBe('3000');
    expect(at(r, 'stages[2].expose')).toEqual([
      { port: 3000, endPort: 3000, protocol: 'tcp', raw: '${PORT}/tcp', line: 21 },
      { port: 9000, endPort: 9010, protocol: 'udp', raw: '9000-9010/udp', line: 21 },
    ]);
    expect(at(r, 'stages[2].healthcheck')).toMatchObject({ disabled: false, flags: { interval: '30s' }, line: 23 });
    expect(at(r, 'stages[2].entrypoint')).toEqual({ exec: ['/nodejs/bin/node'], shell: null, line: 24 });
    expect(at(r, 'stages[2].cmd')).toEqual({ exec: ['/app/server.js'], shell: null, line: 25 });
    expect(at(r, 'stages[2].instructions[3]')).toMatchObject({ keyword: 'COPY', args: '/src/dist /app', flags: { from: 'build', chown: '65532:65532' }, line: 20 });
  });

  it('joins backslash continuations and keeps the first line', () => {
    expect(at(r, 'stages[0].runCommands[0]')).toMatchObject({ command: 'npm ci && npm run build', line: 10 });
    expect(locate(r, 'stages[0].runCommands[0]')).toMatchObject({ startLine: 10, endLine: 11 });
  });

  it('points attribute paths at their lines', () => {
    expect(lineOf(r, 'stages[0].from')).toBe(5);
    expect(lineOf(r, 'stages[0].from.image')).toBe(5);
    expect(lineOf(r, 'stages[0].user')).toBe(12);
    expect(lineOf(r, 'stages[0].user.name')).toBe(12);
    expect(lineOf(r, 'stages[0].env[1]')).toBe(9);
    expect(lineOf(r, 'stages[0].instructions[2]')).toBe(8);
    expect(lineOf(r, 'stages[2].user')).toBe(22);
    expect(lineOf(r, 'stages[2].healthcheck')).toBe(23);
    expect(lineOf(r, 'stages[2].expose[1]')).toBe(21);
    expect(lineOf(r, 'globalArgs[2]')).toBe(4);
    expect(locate(r, 'stages[1]')).toMatchObject({ startLine: 14, endLine: 15 });
  });
});

describe('Dockerfile source: variables and unknowns', () => {
  it('keeps a FROM built on an ARG without default Unknown, but the known tag', () => {
    const r = read('ARG REGISTRY\nFROM ${REGISTRY}/app:1.4\n');
    expect(isUnknown(at(r, 'stages[0].from.image'))).toBe(true);
    expect(isUnknown(at(r, 'stages[0].from.registry'))).toBe(true);
    expect(at(r, 'stages[0].from.repository')).toBe('app');
    expect(at(r, 'stages[0].from.tag')).toBe('1.4');
  });

  it('uses ${VAR:-default} and treats an undeclared $VAR as unknown', () => {
    expect(at(read('FROM ${IMG:-debian}:12\n'), 'stages[0].from.image')).toBe('debian:12');
    expect(isUnknown(at(read('FROM $IMG\n'), 'stages[0].from.image'))).toBe(true);
  });

  it('does not substitute an ARG declared inside a stage into FROM', () => {
    const r = read('FROM alpine:3.19\nARG V=1\nFROM ubuntu:$V\n');
    expect(isUnknown(at(r, 'stages[1].from.tag'))).toBe(true);
  });

  it('leaves a USER from an unset build argument Unknown', () => {
    const r = read('FROM alpine\nARG RUNAS\nUSER $RUNAS\n');
    expect(isUnknown(at(r, 'stages[0].user.name'))).toBe(true);
    expect(at(r, 'stages[0].user.raw')).toBe('$RUNAS');
  });

  it('marks FROM scratch and a missing tag', () => {
    const r = read('FROM scratch\nCOPY app /\nFROM ubuntu\n');
    expect(at(r, 'stages[0].from.scratch')).toBe(true);
    expect(at(r, 'stages[1].from.tag')).toBeNull();
    expect(at(r, 'stages[1].from.registry')).toBeNull();
  });

  it('reads a registry with a port and a heredoc RUN', () => {
    const r = read('FROM localhost:5000/team/app:2\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER root\n');
    expect(at(r, 'stages[0].from')).toMatchObject({ registry: 'localhost:5000', repository: 'team/app', tag: '2' });
    expect(at(r, 'stages[0].runCommands[0].command')).toBe('apt-get update\napt-get install -y curl');
    expect(lineOf(r, 'stages[0].user')).toBe(6);
  });

  it('honours the escape directive', () => {
    const r = read('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  C:\\\nUSER ContainerUser\n');
    expect(at(r, 'directives.escape')).toBe('`');
    expect(at(r, 'stages[0].runCommands[0].command')).toBe('dir C:\\');
    expect(lineOf(r, 'stages[0].user')).toBe(5);
  });

  it('reads a disabled healthcheck and shell-form CMD', () => {
    const r = read('FROM alpine\nHEALTHCHECK NONE\nCMD exec /bin/app --port 80\n');
    expect(at(r, 'stages[0].healthcheck')).toMatchObject({ disabled: true, command: null });
    expect(at(r, 'stages[0].cmd')).toEqual({ exec: null, shell: 'exec /bin/app --port 80', line: 3 });
  });
});

describe('Dockerfile source: odd but valid input', () => {
  it('reads CRLF line endings and a byte-order mark', () => {
    const r = read('\uFEFFFROM alpine:3.19\r\nRUN apk add \\\r\n  curl\r\nUSER app\r\n');
    expect(at(r, 'stages[0].from.image')).toBe('alpine:3.19');
    expect(at(r, 'stages[0].runCommands[0].command')).toBe('apk add curl');
    expect(lineOf(r, 'stages[0].user')).toBe(4);
  });

  it('reads labels, ONBUILD, SHELL in exec form', () => {
    const r = read('FROM alpine\nLABEL org.opencontainers.image.source="https://example.com/x" \\\n  team=core\nONBUILD RUN echo\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\n');
    expect(at(r, 'stages[0].labels')).toEqual([
      { key: 'org.opencontainers.image.source', value: 'https://example.com/x', line: 2 },
      { key: 'team', value: 'core', line: 3 },
    ]);
    expect(at(r, 'stages[0].instructions[2]')).toMatchObject({ keyword: 'ONBUILD', args: 'RUN echo' });
    expect(at(r, 'stages[0].instructions[3].exec')).toEqual(['/bin/ash', '-eo', 'pipefail', '-c']);
  });
});

describe('Dockerfile source: malformed input', () => {
  const fails = (text: string): ParseError => {
    try {
      parseDockerfile(text, 'bad/Dockerfile');
    } catch (err) {
      expect(err).toBeInstanceOf(ParseError);
      return err as ParseError;
    }
    throw new Error('expected a ParseError');
  };

  it('rejects an empty file and a file of comments', () => {
    expect(fails('')).toMatchObject({ file: 'bad/Dockerfile', line: 1 });
    expect(fails('# only a comment\n\n').message).toMatch(/empty Dockerfile/);
  });

  it('rejects a file without FROM', () => {
    const e = fails('ARG A=1\nARG B=2\n');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/no FROM/);
  });

  it('rejects an instruction before the first FROM, at its line', () => {
    const e = fails('ARG A=1\nRUN echo hi\nFROM alpine\n');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/RUN before the first FROM/);
  });

  it('reports an unknown instruction but still reads the file', () => {
    const out = parseDockerfile('FROM alpine\nRUNN echo typo\nUSER app\n', 'Dockerfile');
    expect(out.warnings.map((w) => [w.line, w.message])).toEqual([[2, 'Dockerfile:2: unknown instruction "RUNN"']]);
    expect(getPath(out.resource.attributes, 'stages[0].user.name')).toBe('app');
  });

  it('rejects FROM without an image', () => {
    expect(fails('FROM --platform=linux/amd64\n')).toMatchObject({ line: 1, message: 'bad/Dockerfile:1: FROM without an image' });
  });

  it('reports instructions that need arguments and have none, and ignores them', () => {
    const out = parseDockerfile('FROM alpine\nUSER\nEXPOSE\nENV\nRUN\nUSER app\n', 'Dockerfile');
    expect(out.warnings.map((w) => `${w.line} ${w.message.replace('Dockerfile:', '')}`)).toEqual(['2 2: USER without arguments', '3 3: EXPOSE without arguments', '4 4: ENV without arguments', '5 5: RUN without arguments']);
    expect(getPath(out.resource.attributes, 'stages[0].user.line')).toBe(6);
    expect(getPath(out.resource.attributes, 'stages[0].runCommands')).toEqual([]);
    expect(getPath(out.resource.attributes, 'stages[0].instructions')).toHaveLength(6);
  });

  it('never crashes on arbitrary instruction soup: a resource or a ParseError with a line in the file', () => {
    const fragment = fc.constantFrom(
      'FROM alpine', 'FROM $X AS b', 'FROM b', 'FROM --platform=$P img:1@sha256:0', 'ARG X', 'ARG Y=${X:-1}', 'ENV A=$Y B', 'USER ${A}:grp', 'EXPOSE $Y/udp 80 a-b',
      'RUN <<EOF', 'EOF', 'RUN a \\', '  b', 'CMD ["x"', 'CMD ["x"]', 'HEALTHCHECK NONE', 'HEALTHCHECK --interval=1s CMD true', 'COPY --from=b / /', 'LABEL a', '# escape=`', '#', '', 'BOGUS', '\\', '"', '${', '$', 'USER', 'ONBUILD', 'FROM',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 25 }), (lines) => {
        const text = lines.join('\n');
        const total = Math.max(1, lines.length);
        try {
          const { resource, warnings } = parseDockerfile(text, 'F');
          for (const loc of Object.values(resource.attributeLocations)) {
            expect(loc.startLine).toBeGreaterThanOrEqual(1);
            expect(loc.endLine).toBeLessThanOrEqual(total);
          }
          for (const w of warnings) expect(w.line).toBeLessThanOrEqual(total);
        } catch (err) {
          expect(err).toBeInstanceOf(ParseError);
          expect((err as ParseError).line).toBeGreaterThanOrEqual(1);
          expect((err as ParseError).line).toBeLessThanOrEqual(total);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('turns errors into scan errors with file and line, and the scan goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-df-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nUSER app\n');
    writeFileSync(join(dir, 'broken.Dockerfile'), 'COPY . /app\nFROM alpine\n');
    writeFileSync(join(dir, 'empty.dockerfile'), '');
    writeFileSync(join(dir, 'typo.Dockerfile'), 'FROM alpine\nEXPOSES 80\n');
    const { resources, errors } = await loadModel([dir], { cwd: dir });
    expect(resources.map((r) => r.id).sort()).toEqual(['Dockerfile:Dockerfile', 'Dockerfile:typo.Dockerfile']);
    expect(errors.map((e) => `${e.file}:${e.line} ${e.source} ${e.message}`).sort()).toEqual([
      'broken.Dockerfile:1 dockerfile COPY before the first FROM: only ARG may come before FROM',
      'empty.dockerfile:1 dockerfile empty Dockerfile: no instructions, a Dockerfile must start with FROM',
      'typo.Dockerfile:2 dockerfile unknown instruction "EXPOSES"',
    ]);
  });
});

describe('Dockerfile source: which files it claims', () => {
  const claims = (path: string, head = '') => dockerfileSource.claims({ path, displayPath: path, size: head.length, head });

  it('claims by name, in any case', () => {
    for (const name of ['Dockerfile', 'dockerfile', 'Containerfile', 'Dockerfile.prod', 'api.Dockerfile', 'worker.dockerfile', 'DOCKERFILE']) {
      expect(claims(`/repo/${name}`), name).toBe(true);
    }
  });

  it('sniffs files without a known extension', () => {
    expect(claims('/repo/build/image', '# comment\nFROM alpine\n')).toBe(true);
    expect(claims('/repo/build/image', 'ARG V=1\nARG B=x \\\n  y\nFROM alpine:$V\n')).toBe(true);
    expect(claims('/repo/build/image', 'RUN echo\nFROM alpine\n')).toBe(false);
    expect(claims('/repo/notes.md', 'FROM alpine\n')).toBe(false);
    expect(claims('/repo/main.tf', 'FROM alpine\n')).toBe(false);
    expect(claims('/repo/README', 'This project builds images.\n')).toBe(false);
    expect(claims('/repo/Dockerfile.dockerignore', 'node_modules\n')).toBe(false);
  });

  it('sniffing needs FROM first', () => {
    expect(looksLikeDockerfile('\n\n# x\nfrom alpine AS base\n')).toBe(true);
    expect(looksLikeDockerfile('FROM --platform=$BUILDPLATFORM golang:1.22\n')).toBe(true);
    expect(looksLikeDockerfile('From the top: this tool builds images.\n')).toBe(false);
    expect(looksLikeDockerfile('ARG X=1\n')).toBe(false);
    expect(looksLikeDockerfile('')).toBe(false);
  });
});
