import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadKevIds, loadRecords, readRecords } from '../../src/ml/cve-record.js';
import { cveRecord } from './records.js';

const dir = mkdtempSync(join(tmpdir(), 'tetrad-ml-'));
const good = (id: string) => JSON.stringify(cveRecord({ id, published: '2024-01-01', description: 'x' }));

async function collect(file: string) {
  const out: string[] = [];
  for await (const item of readRecords(file)) out.push('error' in item ? `ERR ${item.error.message}` : `${item.line} ${item.record.cveMetadata.cveId}`);
  return out;
}

describe('CVE record reader', () => {
  it('reads plain and gzip JSON lines, skipping blank lines', async () => {
    const text = `${good('CVE-1')}\n\n${good('CVE-2')}\n`;
    writeFileSync(join(dir, 'a.jsonl'), text);
    writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync(text));
    expect(await collect(join(dir, 'a.jsonl'))).toEqual(['1 CVE-1', '3 CVE-2']);
    expect(await collect(join(dir, 'a.jsonl.gz'))).toEqual(['1 CVE-1', '3 CVE-2']);
  });

  it('reports malformed lines with file and line and goes on', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, [good('CVE-1'), '{"cveMetadata": ', '[1,2]', '{"cveMetadata":{}}', '{"cveMetadata":{"cveId":"CVE-5"},"containers":3}', good('CVE-6')].join('\n'));
    const out = await collect(file);
    expect(out[0]).toBe('1 CVE-1');
    expect(out[1]).toMatch(new RegExp(`^ERR ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2: invalid JSON`));
    expect(out[2]).toMatch(/bad\.jsonl:3: not a JSON object/);
    expect(out[3]).toMatch(/bad\.jsonl:4: missing cveMetadata\.cveId/);
    expect(out[4]).toMatch(/bad\.jsonl:5: containers is not an object/);
    expect(out[5]).toBe('6 CVE-6');
    await expect(loadRecords(file)).rejects.toThrow(/bad\.jsonl:2/);
  });

  it('reports a truncated gzip file instead of crashing', async () => {
    const file = join(dir, 'cut.jsonl.gz');
    const gz = gzipSync(Array.from({ length: 200 }, (_, i) => good(`CVE-${i}`)).join('\n'));
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length / 2)));
    const out = await collect(file);
    expect(out.at(-1)).toMatch(/cut\.jsonl\.gz:\d+: cannot read further/);
    expect(out.length).toBeGreaterThan(1);
  });

  it('reads KEV ids and rejects a file that is not a catalogue', () => {
    writeFileSync(join(dir, 'kev.json'), JSON.stringify({ vulnerabilities: [{ cveID: 'CVE-1' }, { cveID: 'CVE-2' }] }));
    expect(loadKevIds(join(dir, 'kev.json'))).toEqual(new Set(['CVE-1', 'CVE-2']));
    writeFileSync(join(dir, 'nokev.json'), '{}');
    expect(() => loadKevIds(join(dir, 'nokev.json'))).toThrow(/not a KEV catalogue/);
  });
});
