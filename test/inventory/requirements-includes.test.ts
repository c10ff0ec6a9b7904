/**
 * requirements.txt `-r` / `-c` includes through the scan: resolved relative to the including
 * file, inside the scanned tree only; a missing or outside include is an error at its line; loops
 * are errors and are not followed; a file the scan reads on its own is not repeated.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRequirements } from '../../src/inventory/parsers/python.js';
import vulnerable from '../../src/checks/patches/package-known-vulnerability.js';
import { scan } from '../../src/scan/scan.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-req-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    packages[res.name] = (res.attributes.packages as { name: string; version: string }[]).map((p, i) => {
      const at = res.attributeLocations[`packages[${i}]`]!;
      return `${p.name}@${p.version} ${at.file}:${at.startLine}`;
    });
  const errors = r.errors.map((e) => `${e.kind} ${e.file}:${e.line ?? ''} ${e.message}`);
  return { packages, errors };
}

describe('requirements.txt includes', () => {
  it('-r adds the pins of the included file at their lines; -c pins what the file requires unpinned', async () => {
    const root = tree('basic', {
      'requirements.txt': '-r base/common.txt\n--constraint=pins.txt\nflask\nrequests==2.31.0\n',
      'base/common.txt': 'django==3.2.0\nurllib3>=1.26\n',
      'pins.txt': 'Flask==2.0.1\nurllib3==1.26.5\nnumpy==1.26.0\n',
    });
    const { packages, errors } = await inventory(root);
    expect(errors).toEqual([]);
    expect(packages['requirements.txt']).toEqual([
      'django@3.2.0 base/common.txt:1',
      'requests@2.31.0 requirements.txt:4',
      // constrained: flask (required here) and urllib3 (required by the included file); numpy is not required
      'Flask@2.0.1 pins.txt:1',
      'urllib3@1.26.5 pins.txt:2',
    ]);
    // a vulnerable pin of an included file is reported where it is pinned
    writeFileSync(
      join(root, 'advisory.json'),
      JSON.stringify({
        id: 'TETRAD-TEST-PY-0001',
        modified: '2024-01-01T00:00:00Z',
        summary: 'hand-written test record',
        affected: [{ package: { ecosystem: 'PyPI', name: 'Django' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.2.14' }] }] }],
      }),
    );
    const r = await scan([root], { checks: [vulnerable], cwd: root });
    expect(r.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine} ${f.resource.id}`)).toEqual(['TET-PATCH-034 base/common.txt:1 PackageInventory:requirements.txt']);
  });

  it('a missing include, an include outside the scanned tree and a loop are errors at their lines', async () => {
    const root = tree('bad', {
      'shared.txt': 'six==1.16.0\n',
      'app/requirements.txt': 'attrs==23.1.0\n-r nothere.txt\n-r ../shared.txt\n-r base.txt\n',
      'app/base.txt': 'idna==3.4\n-r other.txt\n',
      'app/other.txt': '-r base.txt\n',
    });
    const { packages, errors } = await inventory(root, join(root, 'app'));
    expect(packages['app/requirements.txt']).toEqual(['attrs@23.1.0 app/requirements.txt:1', 'idna@3.4 app/base.txt:1']);
    expect(errors).toEqual([
      'parse app/requirements.txt:2 -r nothere.txt: app/nothere.txt does not exist',
      'parse app/requirements.txt:3 -r ../shared.txt: shared.txt is outside the scanned tree; not read',
      'parse app/other.txt:1 -r base.txt: include loop (app/requirements.txt -> app/base.txt -> app/other.txt -> app/base.txt); not followed',
    ]);
    // scanning the parent folder, ../shared.txt is inside the tree
    const wide = await inventory(root);
    expect(wide.packages['app/requirements.txt']).toContain('six@1.16.0 shared.txt:1');
  });

  it('a requirements file the scan reads on its own is not repeated through the include', async () => {
    const root = tree('own', { 'requirements-dev.txt': '-r requirements.txt\npytest==7.4.0\n', 'requirements.txt': 'requests==2.31.0\n' });
    const { packages, errors } = await inventory(root);
    expect(errors).toEqual([]);
    expect(packages['requirements-dev.txt']).toEqual(['pytest@7.4.0 requirements-dev.txt:2']);
    expect(packages['requirements.txt']).toEqual(['requests@2.31.0 requirements.txt:1']);
  });

  it('without a resolver (the parser alone) an include is a note', () => {
    const inv = parseRequirements('-r base.txt\nsix==1.16.0\n', 'requirements.txt');
    expect(inv.packages.map((p) => p.name)).toEqual(['six']);
    expect(inv.notes).toEqual([{ file: 'requirements.txt', line: 1, message: '-r base.txt: included file is read only when it is scanned itself' }]);
  });
});
