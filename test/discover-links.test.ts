/** Discovery identifies files and folders by real path, also when it skips realpath calls for plain entries. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverFiles } from '../src/scan/discover.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tetrad-discover-links-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('discovery through symbolic links', () => {
  it('reads a file once whether reached by its name or by links, in sorted order', () => {
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'b', 'main.tf'), 'resource "x" "y" {}\n');
    symlinkSync(join(root, 'b', 'main.tf'), join(root, 'a-link.tf')); // sorts before b/
    symlinkSync(join(root, 'b'), join(root, 'c-dir-link'));
    writeFileSync(join(root, 'z.tf'), 'resource "x" "z" {}\n');
    const { files, errors } = discoverFiles([root], { cwd: root });
    expect(errors).toEqual([]);
    // the link is met first and stands for the file; the folder link leads to a folder already read
    expect(files.map((f) => f.displayPath)).toEqual(['a-link.tf', 'z.tf']);
  });

  it('walks a linked folder outside the tree once, and the same folder named twice once', () => {
    const outside = mkdtempSync(join(tmpdir(), 'tetrad-discover-outside-'));
    try {
      writeFileSync(join(outside, 'pod.yaml'), 'kind: Pod\n');
      mkdirSync(join(root, 'app'));
      symlinkSync(outside, join(root, 'app', 'shared'));
      symlinkSync(outside, join(root, 'shared-again'));
      const { files } = discoverFiles([root, join(root, 'app')], { cwd: root });
      expect(files.map((f) => f.displayPath)).toEqual(['app/shared/pod.yaml']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('starts from the real path of a root given through a link', () => {
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'a.tf'), '\n');
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    const { files } = discoverFiles([join(root, 'alias'), join(root, 'real')], { cwd: root });
    expect(files.map((f) => f.displayPath)).toEqual(['alias/a.tf']);
  });
});
