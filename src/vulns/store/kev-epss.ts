/** Snapshot sources: the CISA KEV catalog and an EPSS score file each replace their whole table. */
import type { Db } from './db.js';

export interface KevCatalog {
  catalogVersion?: string;
  dateReleased?: string;
  vulnerabilities: {
    cveID: string;
    vendorProject?: string;
    product?: string;
    vulnerabilityName?: string;
    dateAdded?: string;
    dueDate?: string;
    knownRansomwareCampaignUse?: string;
  }[];
}

export function isKevCatalog(x: unknown): x is KevCatalog {
  return typeof x === 'object' && x !== null && Array.isArray((x as KevCatalog).vulnerabilities) && 'catalogVersion' in x;
}

export function replaceKev(db: Db, catalog: KevCatalog): number {
  const ins = db.prepare(
    'INSERT OR REPLACE INTO kev(cve_id, vendor, product, name, date_added, due_date, ransomware) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.prepare('DELETE FROM kev').run();
  for (const v of catalog.vulnerabilities) {
    if (typeof v.cveID !== 'string' || !/^CVE-\d{4}-\d{4,}$/.test(v.cveID)) throw new Error(`KEV entry with a malformed cveID: ${JSON.stringify(v.cveID)}`);
    ins.run(v.cveID, v.vendorProject ?? null, v.product ?? null, v.vulnerabilityName ?? null, v.dateAdded ?? null, v.dueDate ?? null, v.knownRansomwareCampaignUse ?? null);
  }
  return catalog.vulnerabilities.length;
}

export interface EpssFile {
  modelVersion?: string;
  scoreDate?: string;
  rows: { cve: string; epss: number; percentile: number }[];
}

export class EpssFormatError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** True when the text looks like an EPSS CSV (`#model_version...` comment and/or `cve,epss,percentile`). */
export function looksLikeEpss(head: string): boolean {
  return /^(#model_version[^\n]*\n)?cve,epss,percentile/m.test(head.slice(0, 300));
}

/** Parses FIRST's EPSS CSV: an optional `#model_version:...,score_date:...` line, a header, then rows. */
export function parseEpss(text: string): EpssFile {
  const lines = text.split(/\r?\n/);
  const out: EpssFile = { rows: [] };
  let header = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      out.modelVersion = /model_version:([^,]+)/.exec(line)?.[1];
      out.scoreDate = /score_date:([^,]+)/.exec(line)?.[1];
      continue;
    }
    if (!header) {
      if (!/^cve,epss,percentile$/.test(line)) throw new EpssFormatError(i + 1, 'expected the header "cve,epss,percentile"');
      header = true;
      continue;
    }
    const [cve, e, p, extra] = line.split(',');
    const epss = Number(e);
    const percentile = Number(p);
    if (extra !== undefined || !cve || !/^CVE-\d{4}-\d{4,}$/.test(cve) || !(epss >= 0 && epss <= 1) || !(percentile >= 0 && percentile <= 1)) {
      throw new EpssFormatError(i + 1, `malformed EPSS row ${JSON.stringify(line.slice(0, 80))}`);
    }
    out.rows.push({ cve, epss, percentile });
  }
  if (!header) throw new EpssFormatError(1, 'no "cve,epss,percentile" header');
  return out;
}

export function replaceEpss(db: Db, file: EpssFile): number {
  const ins = db.prepare('INSERT OR REPLACE INTO epss(cve_id, epss, percentile) VALUES (?, ?, ?)');
  db.prepare('DELETE FROM epss').run();
  for (const r of file.rows) ins.run(r.cve, r.epss, r.percentile);
  return file.rows.length;
}
