import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUnknown, locate } from '../../model/index.js';
import { scan } from '../../scan/scan.js';
import { interpolate, looksLikeCompose, readCompose, readDotEnv } from './index.js';

const COMPOSE = `x-common: &common
  restart: always
  security_opt:
    - no-new-privileges:true

services:
  web:
    <<: *common
    image: nginx:\${NGINX_TAG:-1.27}
    ports:
      - "8080:80"
      - target: 443
        published: "8443"
        host_ip: 127.0.0.1
    environment:
      - API_TOKEN=\${TOKEN}
      - MODE=prod
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: example
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro

secrets:
  db_pass:
    file: ./db_pass.txt
`;

describe('docker-compose source', () => {
  it('reads one resource per service, with locations for keys and list elements', () => {
    const { resources, errors } = readCompose(COMPOSE, 'docker-compose.yml');
    expect(errors).toEqual([]);
    const web = resources.find((r) => r.id === 'compose:docker-compose.yml#web')!;
    const db = resources.find((r) => r.name === 'db')!;
    expect(web.type).toBe('compose_service');
    expect(web.provider).toBe('docker');
    expect(web.source).toBe('docker-compose');
    expect(web.location.startLine).toBe(7);
    expect(locate(web, 'ports[0]').startLine).toBe(11);
    expect(locate(web, 'ports[1].host_ip').startLine).toBe(14);
    expect(locate(web, 'environment[1]').startLine).toBe(17);
    expect(locate(db, 'environment.POSTGRES_PASSWORD').startLine).toBe(21);
    expect(locate(db, 'volumes[0]').startLine).toBe(23);
    expect(resources.find((r) => r.type === 'compose_project')?.attributes).toEqual({ secrets: { db_pass: { file: './db_pass.txt' } } });
  });

  it('sees keys merged from an extension field anchor, located at the anchor', () => {
    const web = readCompose(COMPOSE, 'c.yml').resources.find((r) => r.name === 'web')!;
    expect(web.attributes.restart).toBe('always');
    expect(web.attributes.security_opt).toEqual(['no-new-privileges:true']);
    expect(locate(web, 'security_opt[0]').startLine).toBe(4);
    // the extension field is not a service
    expect(readCompose(COMPOSE, 'c.yml').resources.map((r) => r.name)).toEqual(['web', 'db', 'c.yml']);
  });

  it('reads the version 1 format, whose services sit at the top level', () => {
    const { resources } = readCompose('web:\n  image: nginx:1.27\n  privileged: true\ndb:\n  build: ./db\n', 'docker-compose.yml');
    expect(resources.map((r) => r.id)).toEqual(['compose:docker-compose.yml#web', 'compose:docker-compose.yml#db']);
    expect(locate(resources[0]!, 'privileged').startLine).toBe(3);
    // a file with `version:` and no services is not a version 1 file
    expect(readCompose('version: "3"\nvolumes:\n  data: {}\n', 'c.yml').resources.map((r) => r.type)).toEqual(['compose_project']);
  });

  it('interpolates like Compose: defaults, $$, and Unknown for unset variables', () => {
    const web = readCompose(COMPOSE, 'c.yml').resources.find((r) => r.name === 'web')!;
    expect(web.attributes.image).toBe('nginx:1.27');
    const env = web.attributes.environment as unknown[];
    expect(isUnknown(env[0])).toBe(true);
    expect(env[1]).toBe('MODE=prod');
    expect(interpolate('a$$b', {})).toBe('a$b');
    expect(interpolate('${A-x}', { A: '' })).toBe('');
    expect(interpolate('${A:-x}', { A: '' })).toBe('x');
    expect(interpolate('$A/${B:-${C:-c}}', { A: 'a' })).toBe('a/c');
    expect(isUnknown(interpolate('${A:?required}', {}))).toBe(true);
    expect(isUnknown(interpolate('${A:+yes}', {}))).toBe(true);
    expect(interpolate('${A:+yes}', { A: '1' })).toBe('yes');
    expect(interpolate('${NGINX_TAG:-1.27}', { NGINX_TAG: '1.25' })).toBe('1.25');
  });

  it('reads variables from the .env file beside the compose file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    writeFileSync(join(dir, '.env'), '# comment\nexport TAG="1.2.3"\nUSER_ID=1000 # trailing\n');
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  app:\n    image: acme/app:${TAG}\n    user: ${USER_ID}\n');
    expect(readDotEnv(join(dir, '.env'))).toEqual({ TAG: '1.2.3', USER_ID: '1000' });
    const res = await scan([dir], { loadConfig: false, checks: [] });
    const app = res.resources.find((r) => r.type === 'compose_service')!;
    expect(app.attributes.image).toBe('acme/app:1.2.3');
    expect(app.attributes.user).toBe('1000');
  });

  it('reports malformed YAML with file and line, and the scan goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-bad-'));
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx\n    ports: [80:80\n  db:\n    image: x\n');
    writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  ok:\n    image: alpine:3.20\n');
    writeFileSync(join(dir, 'compose.prod.yml'), 'services:\n  - web\n');
    const res = await scan([dir], { loadConfig: false, checks: [] });
    const parse = res.errors.filter((e) => e.kind === 'parse');
    expect(parse.find((e) => e.file.endsWith('docker-compose.yml'))).toMatchObject({ source: 'docker-compose', line: expect.any(Number) });
    expect(parse.find((e) => e.file.endsWith('compose.prod.yml'))).toMatchObject({ line: 1, message: expect.stringContaining('services') });
    expect(res.resources.map((r) => r.name)).toEqual(['ok']);
  });

  it('claims compose files by name or by a services map, and leaves Kubernetes, CloudFormation and GitLab CI alone', () => {
    const svc = 'services:\n  web:\n    image: nginx\n';
    expect(looksLikeCompose('/r/docker-compose.yml', svc)).toBe(true);
    expect(looksLikeCompose('/r/docker-compose.prod.yaml', svc)).toBe(true);
    expect(looksLikeCompose('/r/compose.yaml', svc)).toBe(true);
    expect(looksLikeCompose('/r/stack.yml', `version: "3"\n${svc}`)).toBe(true);
    expect(looksLikeCompose('/r/stack.yml', 'services:\n  # the app\n  web: &w\n    build: .\n')).toBe(true);
    expect(looksLikeCompose('/r/.gitlab-ci.yml', 'services:\n  - postgres:16\ntest:\n  image: node\n')).toBe(false);
    expect(looksLikeCompose('/r/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n')).toBe(false);
    expect(looksLikeCompose('/r/t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  X:\n    Type: AWS::S3::Bucket\n')).toBe(false);
    expect(looksLikeCompose('/r/values.yaml', 'services:\n  web:\n    replicas: 2\n')).toBe(false);
    expect(looksLikeCompose('/r/chart/values.prod.yaml', 'services:\n  web:\n    image: nginx\n    ports: [80]\n')).toBe(false);
    expect(looksLikeCompose('/r/chart/charts/sub/x.yaml', svc)).toBe(false);
    expect(looksLikeCompose('/r/docker-compose.json', svc)).toBe(false);
  });
});
