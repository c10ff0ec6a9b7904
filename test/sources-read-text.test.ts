/** Every source reads files through readSourceText: a UTF-8 byte order mark is not content. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/scan/scan.js';

describe('sources and byte order marks', () => {
  it('Kubernetes, Compose and nmap files written with a BOM load like the same files without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-bom-'));
    try {
      const files: Record<string, string> = {
        'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
        'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n',
        'scan.xml': '<?xml version="1.0"?>\n<nmaprun scanner="nmap" args="nmap -oX scan.xml 127.0.0.1">\n<host><status state="up"/><address addr="127.0.0.1" addrtype="ipv4"/><ports><port protocol="tcp" portid="22"><state state="open"/><service name="ssh"/></port></ports></host>\n</nmaprun>\n',
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const plain = await loadModel([dir], { cwd: dir });
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), `\uFEFF${text}`);
      const bom = await loadModel([dir], { cwd: dir });
      expect(bom.errors).toEqual([]);
      const shape = (m: typeof plain) => m.resources.map((r) => [r.source, r.type, r.location.file, r.location.startLine]);
      expect(shape(bom)).toEqual(shape(plain));
      expect(new Set(plain.resources.map((r) => r.source))).toEqual(new Set(['kubernetes', 'docker-compose', 'nmap']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
