import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../src/scan/discover.js';
import { scan } from '../src/scan/scan.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'tetrad-discover-'));
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  writeFileSync(join(root, 'a', 'pod.yaml'), POD);
  return root;
}

describe('file discovery', () => {
  it('ends on symlink loops and does not read a folder twice', () => {
    const root = tree();
    symlinkSync(join(root, 'a'), join(root, 'a', 'b', 'loop'));
    symlinkSync(join(root, 'self'), join(root, 'self')); // a link to itself
    const { files, errors } = discoverFiles([root], { cwd: root });
    expect(files.map((f) => f.displayPath)).toEqual(['a/pod.yaml']);
    expect(errors.some((e) => e.message === 'symlink loop')).toBe(true);
  });

  it('skips binary files quietly and large files with a warning', () => {
    const root = tree();
    writeFileSync(join(root, 'a', 'image.yaml'), Buffer.from([0x61, 0x70, 0x00, 0x01, 0x02]));
    writeFileSync(join(root, 'big.yaml'), 'x'.repeat(2048));
    const { files, errors } = discoverFiles([root], { cwd: root, maxFileSize: 1024 });
    expect(files.map((f) => f.displayPath)).toEqual(['a/pod.yaml']);
    expect(errors).toEqual([{ kind: 'skipped', file: 'big.yaml', message: expect.stringContaining('larger than the 1024-byte limit') }]);
  });

  it('reports a missing path and skips .git and node_modules', () => {
    const root = tree();
    mkdirSync(join(root, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'x', 'pod.yaml'), POD);
    const { files, errors } = discoverFiles([root, join(root, 'missing')], { cwd: root });
    expect(files.map((f) => f.displayPath)).toEqual(['a/pod.yaml']);
    expect(errors).toEqual([{ kind: 'io', file: 'missing', message: 'no such file or directory' }]);
  });

  it('skips unknown file types without errors and scans the rest', async () => {
    const root = tree();
    writeFileSync(join(root, 'notes.txt'), 'hello');
    writeFileSync(join(root, 'data.csv'), 'a,b\n1,2\n');
    const res = await scan([root], { cwd: root });
    expect(res.errors).toEqual([]);
    expect(res.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine}`)).toContain('TET-PRIV-001 a/pod.yaml:10');
  });

  it('a malformed manifest becomes an error entry with file and line; the other files still scan', async () => {
    const root = tree();
    writeFileSync(join(root, 'broken.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
    const res = await scan([root], { cwd: root });
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]).toMatchObject({ kind: 'parse', file: 'broken.yaml', line: expect.any(Number) });
    expect(res.findings.some((f) => f.location.file === 'a/pod.yaml')).toBe(true);
  });
});
