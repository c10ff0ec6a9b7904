/**
 * `npx tsx bench/compose.ts [SERVICES]` (default 2000): writes one Compose file
 * of SERVICES services (each merging an `x-` defaults anchor, two ports, a
 * `${TAG:-...}` image, a list environment with a literal DB_PASSWORD, a bind
 * mount and the Docker socket), then measures, in this process, the CPU time
 * of the docker-compose source reading it (parse, merge keys, interpolation,
 * locations) and of a whole `scan()` with every built-in check. Prints one
 * JSON line.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../src/scan/scan.js';
import { readCompose } from '../src/sources/docker-compose/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const services = Number(process.argv[2] ?? 2000);
const root = join(here, '.generated', `compose-${services}`);
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
let text = 'x-defaults: &defaults\n  restart: always\n  security_opt: ["no-new-privileges:true"]\nservices:\n';
for (let i = 0; i < services; i++) {
  text += `  s${i}:\n    <<: *defaults\n    image: acme/s${i}:\${TAG:-1.${i}}\n    ports: ["${8000 + (i % 1000)}:80", "127.0.0.1:${20000 + (i % 40000)}:5432"]\n`;
  text += `    environment:\n      - MODE=prod\n      - DB_PASSWORD=p${i}xY9!q\n    volumes: ["./d${i}:/data", "/var/run/docker.sock:/var/run/docker.sock"]\n`;
}
const file = join(root, 'docker-compose.yml');
writeFileSync(file, text);
process.env.TETRAD_TODAY ??= '2026-11-30';

const cpu = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return Math.round((d.user + d.system) / 1000);
};
let start = process.cpuUsage();
const { resources } = readCompose(readFileSync(file, 'utf8'), 'docker-compose.yml');
const readMs = cpu(start);
start = process.cpuUsage();
const res = await scan([root], { loadConfig: false });
const scanMs = cpu(start);
console.log(JSON.stringify({ services, kib: Math.round(text.length / 1024), resources: resources.length, readCpuMs: readMs, scanCpuMs: scanMs, findings: res.findings.length }));
