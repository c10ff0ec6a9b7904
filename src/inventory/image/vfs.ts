/**
 * The in-memory file system of an image: the kept entries of its layers,
 * applied in manifest order with the OCI whiteout rules (a `.wh.NAME` entry
 * deletes NAME and everything under it from the layers below; `.wh..wh..opq`
 * hides everything below the directory). Symbolic links are followed inside
 * the image root only: an absolute target is taken from the image root, and
 * a target that climbs above the root is an escape, reported and not
 * followed (never resolved against the host).
 */
import type { BinaryFacts } from './go-buildinfo.js';
import type { LayerDelta } from './layer.js';

export type VNode =
  | { kind: 'file'; data: Buffer; layer: string }
  | { kind: 'binary'; facts: BinaryFacts; layer: string }
  | { kind: 'symlink'; target: string; layer: string };

export type Resolved = { path: string; node: VNode } | { error: string } | undefined;

const MAX_LINKS = 40;

export class ImageFs {
  readonly nodes = new Map<string, VNode>();

  private removeTree(path: string): void {
    if (path === '') {
      this.nodes.clear();
      return;
    }
    this.nodes.delete(path);
    const prefix = `${path}/`;
    for (const k of [...this.nodes.keys()]) if (k.startsWith(prefix)) this.nodes.delete(k);
  }

  private hideBelow(dir: string): void {
    if (dir === '') {
      this.nodes.clear();
      return;
    }
    const prefix = `${dir}/`;
    for (const k of [...this.nodes.keys()]) if (k.startsWith(prefix)) this.nodes.delete(k);
  }

  /** Applies one layer on top of the ones before it. */
  apply(delta: LayerDelta, layer: string): void {
    for (const dir of delta.opaque) this.hideBelow(dir);
    for (const path of delta.whiteouts) this.removeTree(path);
    const links: Array<[string, string]> = [];
    for (const [path, e] of delta.entries) {
      if (e.kind === 'hardlink') links.push([path, e.target]);
      else if (e.kind === 'file') this.nodes.set(path, { kind: 'file', data: e.data, layer });
      else if (e.kind === 'binary') this.nodes.set(path, { kind: 'binary', facts: e.facts, layer });
      else this.nodes.set(path, { kind: 'symlink', target: e.target, layer });
    }
    // a hard link shares its target's content (kept when the target was kept)
    for (const [path, target] of links) {
      const t = this.nodes.get(target);
      if (t && t.kind !== 'symlink') this.nodes.set(path, { ...t, layer });
    }
  }

  /** Follows symbolic links in every component of `path` (relative to the image root). */
  resolve(path: string): Resolved {
    const queue = path.split('/').filter((p) => p !== '' && p !== '.');
    const cur: string[] = [];
    let hops = 0;
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (part === '..') {
        if (cur.length === 0) return { error: `path ${path} climbs above the image root` };
        cur.pop();
        continue;
      }
      cur.push(part);
      const here = cur.join('/');
      const node = this.nodes.get(here);
      if (node?.kind !== 'symlink') continue;
      if (++hops > MAX_LINKS) return { error: `too many levels of symbolic links resolving ${path}` };
      cur.pop();
      const target = node.target.split('/').filter((p) => p !== '' && p !== '.');
      // an absolute target starts at the image root; no target may climb above it (an escape, not a path in the image)
      if (node.target.startsWith('/')) cur.length = 0;
      let depth = cur.length;
      for (const t of target) {
        depth += t === '..' ? -1 : 1;
        if (depth < 0) return { error: `symlink ${here} -> ${node.target} escapes the image root; not followed` };
      }
      queue.unshift(...target);
    }
    const final = cur.join('/');
    const node = this.nodes.get(final);
    return node ? { path: final, node } : undefined;
  }
}
