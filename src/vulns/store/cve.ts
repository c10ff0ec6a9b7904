/** CVE JSON 5 records (cve.org, CISA vulnrichment) → one `cves` row: dates, text, CVSS vectors, CWEs. */
import type { Db } from './db.js';
import type { PutResult } from './osv-writer.js';

export interface CvssEntry {
  /** `2.0`, `3.0`, `3.1`, `4.0` */
  version: string;
  vector: string;
  /** the score the record states; findings recompute it from the vector */
  baseScore: number | null;
  /** `cna` or the ADP's short name */
  provider: string;
}

interface CveJson5 {
  dataType?: string;
  cveMetadata?: { cveId?: string; state?: string; datePublished?: string; dateUpdated?: string };
  containers?: { cna?: Container; adp?: Container[] };
}
interface Container {
  providerMetadata?: { shortName?: string };
  title?: string;
  descriptions?: { lang?: string; value?: string }[];
  metrics?: Record<string, { vectorString?: string; baseScore?: number; version?: string } | unknown>[];
  problemTypes?: { descriptions?: { cweId?: string }[] }[];
}

export function isCveRecord(x: unknown): x is CveJson5 {
  return typeof x === 'object' && x !== null && 'cveMetadata' in x;
}

const METRIC_KEYS: [string, string][] = [
  ['cvssV4_0', '4.0'],
  ['cvssV3_1', '3.1'],
  ['cvssV3_0', '3.0'],
  ['cvssV2_0', '2.0'],
];

function cvssOf(c: Container | undefined, provider: string): CvssEntry[] {
  const out: CvssEntry[] = [];
  for (const m of c?.metrics ?? []) {
    for (const [key, version] of METRIC_KEYS) {
      const v = m[key] as { vectorString?: unknown; baseScore?: unknown } | undefined;
      if (v && typeof v.vectorString === 'string') {
        out.push({ version, vector: v.vectorString, baseScore: typeof v.baseScore === 'number' ? v.baseScore : null, provider });
      }
    }
  }
  return out;
}

export class CveWriter {
  private readonly get;
  private readonly upsert;
  constructor(db: Db) {
    this.get = db.prepare<[string], { updated: string | null; description: string | null; cvss: string; cwes: string; state: string | null; title: string | null; published: string | null }>(
      'SELECT updated, description, cvss, cwes, state, title, published FROM cves WHERE id = ?',
    );
    this.upsert = db.prepare(
      `INSERT INTO cves(id, state, published, updated, title, description, cvss, cwes) VALUES (@id, @state, @published, @updated, @title, @description, @cvss, @cwes)
       ON CONFLICT(id) DO UPDATE SET state=excluded.state, published=excluded.published, updated=excluded.updated, title=excluded.title,
       description=excluded.description, cvss=excluded.cvss, cwes=excluded.cwes`,
    );
  }

  put(rec: CveJson5): PutResult {
    const id = rec.cveMetadata?.cveId;
    if (!id || !/^CVE-\d{4}-\d{4,}$/.test(id)) throw new Error('not a CVE JSON 5 record: cveMetadata.cveId is missing or malformed');
    const cna = rec.containers?.cna;
    const adp = rec.containers?.adp ?? [];
    const cvss = [...cvssOf(cna, 'cna'), ...adp.flatMap((a) => cvssOf(a, a.providerMetadata?.shortName ?? 'adp'))];
    const cwes = [
      ...new Set(
        [cna, ...adp].flatMap((c) => (c?.problemTypes ?? []).flatMap((p) => (p.descriptions ?? []).flatMap((d) => (d.cweId ? [d.cweId] : [])))),
      ),
    ];
    const row = {
      id,
      state: rec.cveMetadata?.state ?? null,
      published: rec.cveMetadata?.datePublished ?? null,
      updated: rec.cveMetadata?.dateUpdated ?? null,
      title: cna?.title ?? null,
      description: cna?.descriptions?.find((d) => d.lang?.startsWith('en'))?.value ?? cna?.descriptions?.[0]?.value ?? null,
      cvss: JSON.stringify(cvss),
      cwes: JSON.stringify(cwes),
    };
    const old = this.get.get(id);
    if (old) {
      if (old.updated && row.updated && old.updated > row.updated) return 'unchanged';
      if (
        old.updated === row.updated && old.description === row.description && old.cvss === row.cvss &&
        old.cwes === row.cwes && old.state === row.state && old.title === row.title && old.published === row.published
      ) return 'unchanged';
    }
    this.upsert.run(row);
    return old ? 'updated' : 'inserted';
  }
}
