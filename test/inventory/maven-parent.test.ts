/**
 * Maven `<parent>` POMs inside the scanned tree: properties and dependencyManagement versions are
 * inherited through the relativePath (default `../pom.xml`), when the parent's coordinates match;
 * loops stop, and a parent outside the tree leaves the version unresolved with a note.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-pom-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pom = (body: string): string => `<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n${body}\n</project>\n`;
const dep = (g: string, a: string, v?: string): string =>
  `    <dependency>\n      <groupId>${g}</groupId>\n      <artifactId>${a}</artifactId>\n${v ? `      <version>${v}</version>\n` : ''}    </dependency>`;

const ROOT = pom(`  <groupId>com.example</groupId>
  <artifactId>parent</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <properties>
    <jackson.version>2.9.10</jackson.version>
    <shared.version>1.0</shared.version>
  </properties>
  <dependencyManagement>
    <dependencies>
${dep('org.apache.logging.log4j', 'log4j-core', '2.14.1')}
${dep('org.yaml', 'snakeyaml', '${snakeyaml.version}')}
    </dependencies>
  </dependencyManagement>`);

const MIDDLE = pom(`  <parent>
    <groupId>com.example</groupId>
    <artifactId>parent</artifactId>
    <version>1.0.0</version>
  </parent>
  <artifactId>platform</artifactId>
  <packaging>pom</packaging>
  <properties>
    <snakeyaml.version>1.33</snakeyaml.version>
    <shared.version>2.0</shared.version>
  </properties>`);

const child = (parentRef: string, deps: string[]): string =>
  pom(`${parentRef}
  <artifactId>service</artifactId>
  <properties>
    <shared.version>3.0</shared.version>
  </properties>
  <dependencies>
${deps.join('\n')}
  </dependencies>`);

function tree(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

async function inventory(root: string, scanned = root) {
  const r = await scan([scanned], { checks: [], cwd: root });
  const packages: Record<string, string[]> = {};
  for (const res of r.resources.filter((x) => x.type === 'PackageInventory'))
    packages[res.name] = (res.attributes.packages as { name: string; version: string }[]).map((p) => `${p.name}@${p.version}`);
  const notes = r.errors.map((e) => `${e.kind} ${e.file}:${e.line ?? ''} ${e.message}`);
  return { packages, notes };
}

const DEPS = [
  dep('com.fasterxml.jackson.core', 'jackson-databind', '${jackson.version}'),
  dep('org.apache.logging.log4j', 'log4j-core'),
  dep('org.yaml', 'snakeyaml'),
  dep('com.example', 'shared', '${shared.version}'),
];
const PARENT_REF = (rel?: string, artifact = 'platform'): string =>
  `  <parent>\n    <groupId>com.example</groupId>\n    <artifactId>${artifact}</artifactId>\n    <version>1.0.0</version>\n${rel !== undefined ? `    <relativePath>${rel}</relativePath>\n` : ''}  </parent>`;

describe('Maven parent POMs in the scanned tree', () => {
  it('inherits properties and managed versions up the chain; nearer POMs win', async () => {
    const root = tree('chain', { 'pom.xml': ROOT, 'platform/pom.xml': MIDDLE, 'platform/service/pom.xml': child(PARENT_REF(), DEPS) });
    const { packages, notes } = await inventory(root);
    expect(packages['platform/service/pom.xml']).toEqual([
      'com.fasterxml.jackson.core:jackson-databind@2.9.10',
      'org.apache.logging.log4j:log4j-core@2.14.1',
      // managed in the root as ${snakeyaml.version}, defined in the middle POM
      'org.yaml:snakeyaml@1.33',
      // the child's own property wins over both parents'
      'com.example:shared@3.0',
    ]);
    expect(notes).toEqual([]);
  });

  it('follows an explicit relativePath to a folder or a file', async () => {
    const root = tree('relpath', { 'build/parent/pom.xml': ROOT, 'svc/pom.xml': child(PARENT_REF('../build/parent', 'parent'), DEPS.slice(0, 2)) });
    expect((await inventory(root)).packages['svc/pom.xml']).toEqual(['com.fasterxml.jackson.core:jackson-databind@2.9.10', 'org.apache.logging.log4j:log4j-core@2.14.1']);
    const root2 = tree('relpath-file', { 'parent-pom.xml': ROOT, 'svc/pom.xml': child(PARENT_REF('../parent-pom.xml', 'parent'), DEPS.slice(0, 1)) });
    // parent-pom.xml is not a pom.xml the scan discovers as a POM: not read
    const r2 = await inventory(root2);
    expect(r2.packages['svc/pom.xml']).toEqual([]);
    expect(r2.notes).toEqual(['skipped svc/pom.xml:18 com.fasterxml.jackson.core:jackson-databind: version ${jackson.version} names a property this POM does not define; skipped']);
  });

  it('does not inherit from a POM whose coordinates differ from <parent>, and says so', async () => {
    const root = tree('mismatch', { 'pom.xml': ROOT, 'svc/pom.xml': child(PARENT_REF(undefined, 'other-parent'), DEPS.slice(0, 1)) });
    const { packages, notes } = await inventory(root);
    expect(packages['svc/pom.xml']).toEqual([]);
    expect(notes).toEqual([
      'skipped svc/pom.xml:4 pom.xml is not the parent com.example:other-parent (it is com.example:parent); not inherited',
      'skipped svc/pom.xml:17 com.fasterxml.jackson.core:jackson-databind: version ${jackson.version} names a property this POM does not define; skipped',
    ]);
  });

  it('a parent outside the scanned tree is not read', async () => {
    const root = tree('outside', { 'pom.xml': ROOT, 'svc/pom.xml': child(PARENT_REF(undefined, 'parent'), DEPS.slice(1, 2)) });
    const { packages, notes } = await inventory(root, join(root, 'svc'));
    expect(packages['svc/pom.xml']).toEqual([]);
    expect(notes).toEqual(['skipped svc/pom.xml:14 org.apache.logging.log4j:log4j-core: version managed outside this POM (parent or BOM); skipped']);
  });

  it('a loop in the parent chain stops with a note; a malformed parent is its own parse error', async () => {
    const loopA = pom(`  <parent>\n    <groupId>com.example</groupId>\n    <artifactId>b</artifactId>\n    <version>1</version>\n    <relativePath>../b/pom.xml</relativePath>\n  </parent>\n  <artifactId>a</artifactId>\n  <properties><x.version>1.0</x.version></properties>\n  <dependencies>\n${dep('g', 'x', '${x.version}')}\n  </dependencies>`);
    const loopB = pom(`  <parent>\n    <groupId>com.example</groupId>\n    <artifactId>a</artifactId>\n    <version>1</version>\n    <relativePath>../a/pom.xml</relativePath>\n  </parent>\n  <artifactId>b</artifactId>`);
    const root = tree('loop', { 'a/pom.xml': loopA, 'b/pom.xml': loopB });
    const { packages, notes } = await inventory(root);
    expect(packages['a/pom.xml']).toEqual(['g:x@1.0']);
    expect(notes).toContain('skipped a/pom.xml:4 parent POM chain loops at a/pom.xml; inheritance stops there');
    const bad = tree('bad-parent', { 'pom.xml': '<project><groupId>com.example</groupId>', 'svc/pom.xml': child(PARENT_REF(undefined, 'parent'), DEPS.slice(1, 2)) });
    const r = await inventory(bad);
    expect(r.packages['svc/pom.xml']).toEqual([]);
    expect(r.notes.some((n) => n.startsWith('parse pom.xml:') && n.includes('invalid XML'))).toBe(true);
  });
});
