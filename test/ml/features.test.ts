import { describe, expect, it } from 'vitest';
import { cvssBaseScore, extractFeatures, namedFeatures, tokenize, hashFeatures } from '../../src/ml/features.js';
import { bucket, fnv1a } from '../../src/ml/hashing.js';
import { cveRecord } from './records.js';

const sample = cveRecord({
  id: 'CVE-2024-0001',
  published: '2024-02-01T00:00:00',
  description: 'Remote code execution in Acme Gateway 2.3 via crafted HTTP request.',
  vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  score: 9.8,
  cwe: 'CWE-78',
  vendor: 'Acme',
  product: 'Gateway',
  assigner: 'acme-psirt',
  refTags: [['vendor-advisory'], ['exploit', 'x_refsource_MISC'], ['patch']],
});

describe('exploit model features', () => {
  it('tokenizes to lower case and folds numbers', () => {
    expect(tokenize('Remote Code-Execution in v2 (CVE 2024)')).toEqual(['remote', 'code-execution', 'in', 'v2', 'cve', '<num>']);
  });

  it('names CVSS components, CWE, vendor/product, assigner, references and n-grams', () => {
    const f = namedFeatures(sample);
    for (const name of ['assigner:acme-psirt', 'v3:AV:N', 'v3:PR:N', 'v3:C:H', 'v3:score:9', 'score:critical', 'cwe:CWE-78', 'vendor:acme', 'product:acme/gateway', 'refs:2-3', 'reftag:exploit', 'reftag:patch', 'w:remote', 'b:remote code', 'b:crafted http']) {
      expect(f.get(name), name).toBeGreaterThan(0);
    }
    // x_refsource_* tags are provenance noise, not content
    expect([...f.keys()].some((k) => k.startsWith('reftag:x_refsource'))).toBe(false);
    // text n-grams are scaled by 1/sqrt(#n-grams) so they cannot dominate
    const grams = [...f.keys()].filter((k) => k.startsWith('w:') || k.startsWith('b:'));
    expect(f.get('w:remote')).toBeCloseTo(1 / Math.sqrt(grams.length), 6);
  });

  it('marks missing CVSS and CWE explicitly and ignores n/a vendors', () => {
    const f = namedFeatures(cveRecord({ id: 'CVE-2024-0002', published: '2024-02-01', description: 'x' }));
    expect(f.has('cvss:none')).toBe(true);
    expect(f.has('score:none')).toBe(true);
    expect(f.has('cwe:none')).toBe(true);
    expect([...f.keys()].some((k) => k.startsWith('vendor:'))).toBe(false);
  });

  it('reads vendor and product from ADP CPEs', () => {
    const r = cveRecord({ id: 'CVE-2024-0003', published: '2024-02-01', description: 'x' });
    r.containers.adp = [{ providerMetadata: { shortName: 'CISA-ADP' }, affected: [{ cpes: ['cpe:2.3:a:apache:http_server:2.4:*:*:*:*:*:*:*'] }] }];
    const f = namedFeatures(r);
    expect(f.get('vendor:apache')).toBe(1);
    expect(f.get('product:apache/http_server')).toBe(1);
    expect(f.get('cpe-part:a')).toBe(1);
  });

  it('prefers CVSS v3.1 for the base score, then v3.0, then v4.0', () => {
    const r = cveRecord({ id: 'CVE-2024-0004', published: '2024-02-01', description: 'x' });
    r.containers.cna!.metrics = [{ cvssV4_0: { vectorString: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', baseScore: 9.3 } }];
    expect(cvssBaseScore(r)).toBe(9.3);
    expect(namedFeatures(r).get('v4:AT:N')).toBe(1);
    r.containers.adp = [{ metrics: [{ cvssV3_1: { vectorString: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N', baseScore: 3.3 } }] }];
    expect(cvssBaseScore(r)).toBe(3.3);
    expect(cvssBaseScore(cveRecord({ id: 'CVE-2024-0005', published: '2024-02-01', description: 'x' }))).toBeUndefined();
  });

  it('hashes into sorted, unique buckets within the space, deterministically', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c); // published FNV-1a test vector
    const x = extractFeatures(sample, 12);
    for (let k = 1; k < x.indices.length; k++) expect(x.indices[k]).toBeGreaterThan(x.indices[k - 1]);
    for (const i of x.indices) expect(i).toBeLessThan(1 << 12);
    expect(extractFeatures(sample, 12)).toEqual(x);
    // colliding names add up
    const named = new Map([['a', 1], ['b', 2]]);
    const merged = hashFeatures(named, 1);
    const total = [...merged.values].reduce((s, v) => s + v, 0);
    expect(total).toBe(3);
    expect(bucket('a', 1)).toBeLessThan(2);
  });

  it('survives records with odd shapes', () => {
    const r = cveRecord({ id: 'CVE-2024-0006', published: '2024-02-01', description: 'x' });
    (r.containers.cna as Record<string, unknown>).metrics = 'nonsense';
    (r.containers.cna as Record<string, unknown>).affected = [null, { vendor: 3 }];
    (r.containers.cna as Record<string, unknown>).references = [{ tags: [1, 'patch'] }, null];
    expect(() => extractFeatures(r)).not.toThrow();
  });
});

describe('feature set 2 (publication extras)', () => {
  it('adds CWE families, normalised phrases, score thresholds, reference hosts and affected ranges; keeps set 1 unchanged', () => {
    const r = structuredClone(sample);
    r.containers.cna!.references!.push({ url: 'https://www.exploit-db.com/exploits/1' }, { url: 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog' }, { url: 'HTTPS://Github.com/acme/gw/issues/2' });
    (r.containers.cna!.affected![0] as Record<string, unknown>).versions = [{ status: 'affected', version: '0', lessThan: '2.4', versionType: 'semver' }];
    const one = namedFeatures(r, 1);
    const two = namedFeatures(r, 2);
    for (const [k, v] of one) expect(two.get(k), k).toBe(v);
    for (const name of ['cwe-family:injection', 'phrase:remote-code-execution', 'score>=9', 'score>=9.8', 'score>=7', 'refhost:exploit-db.com', 'refhost:github.com', 'refhost:example.com', 'affected:1', 'versions:ranges']) {
      expect(two.get(name), name).toBe(1);
    }
    expect(two.has('phrase:sql-injection')).toBe(false);
    expect([...one.keys()].some((k) => /^(refhost|phrase|cwe-family|score>=|versions):/.test(k))).toBe(false);
    // cisa.gov (the KEV catalogue and CISA alerts) is derived from the label: never a feature
    expect([...two.keys()].some((k) => k.includes('cisa'))).toBe(false);
    expect(extractFeatures(r, 12, 2)).not.toEqual(extractFeatures(r, 12, 1));
  });

  it('names the denial-of-service-only phrase only without code execution', () => {
    const dos = cveRecord({ id: 'CVE-2024-0007', published: '2024-02-01', description: 'A crafted packet causes a denial of service.' });
    const rce = cveRecord({ id: 'CVE-2024-0008', published: '2024-02-01', description: 'Arbitrary code execution or a denial of service.' });
    expect(namedFeatures(dos, 2).has('phrase:denial-of-service-only')).toBe(true);
    expect(namedFeatures(rce, 2).has('phrase:denial-of-service-only')).toBe(false);
    expect(namedFeatures(rce, 2).has('phrase:remote-code-execution')).toBe(true);
  });

  it('survives odd reference and version shapes', () => {
    const r = cveRecord({ id: 'CVE-2024-0009', published: '2024-02-01', description: 'x', cwe: 'not-a-cwe' });
    (r.containers.cna as Record<string, unknown>).references = [{ url: 42 }, { url: 'not a url' }, null];
    (r.containers.cna as Record<string, unknown>).affected = [{ versions: 'nonsense' }, { versions: [null, 3] }];
    expect(() => extractFeatures(r, 12, 2)).not.toThrow();
    expect([...namedFeatures(r, 2).keys()].some((k) => k.startsWith('refhost:'))).toBe(false);
  });
});
