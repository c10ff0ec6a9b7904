/**
 * `tetrad db import PATH`: imports OSV records (JSON files, folders, osv.dev zip archives),
 * CVE JSON 5 records (one JSON file, or JSON lines, optionally gzipped), the CISA KEV catalog and
 * EPSS CSV files (optionally gzipped). The kind is recognised from the content, not the name.
 * A malformed file or line is reported with its file and line and the import goes on.
 * Re-importing the same data changes nothing (records are keyed by id; KEV and EPSS are snapshots).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ParseError } from '../../scan/errors.js';
import { parseJsonOrThrow } from '../../sources/shared/json-error.js';
import { CveWriter, isCveRecord } from './cve.js';
import type { Db } from './db.js';
import { EpssFormatError, isKevCatalog, looksLikeEpss, parseEpss, replaceEpss, replaceKev } from './kev-epss.js';
import { OsvWriter, type PutResult } from './osv-writer.js';
import { zipEntries } from './zip.js';

export type SourceKind = 'osv' | 'cve' | 'kev' | 'epss';

export interface ImportProblem {
  file: string;
  line?: number;
  message: string;
}

export interface ImportReport {
  osv: Record<PutResult, number>;
  cve: Record<PutResult, number>;
  kev: number | null;
  epss: number | null;
  files: number;
  errors: ImportProblem[];
}

const emptyCounts = (): Record<PutResult, number> => ({ inserted: 0, updated: 0, unchanged: 0 });

export interface ImportOptions {
  /** the import time recorded for freshness (default: now) */
  now?: Date;
}

export function importPath(db: Db, path: string, options: ImportOptions = {}): ImportReport {
  const report: ImportReport = { osv: emptyCounts(), cve: emptyCounts(), kev: null, epss: null, files: 0, errors: [] };
  const osv = new OsvWriter(db);
  const cve = new CveWriter(db);
  const touched = new Set<SourceKind>();
  let kevMeta: { version?: string; date?: string } = {};
  let epssMeta: { version?: string; date?: string } = {};

  const putRecord = (x: unknown, file: string, line?: number): void => {
    try {
      if (isCveRecord(x)) {
        report.cve[cve.put(x)]++;
        touched.add('cve');
      } else if (isKevCatalog(x)) {
        report.kev = replaceKev(db, x);
        kevMeta = { version: x.catalogVersion, date: x.dateReleased };
        touched.add('kev');
      } else {
        report.osv[osv.put(x)]++;
        touched.add('osv');
      }
    } catch (err) {
      report.errors.push({ file, line, message: (err as Error).message });
    }
  };

  const importText = (text: string, file: string): void => {
    report.files++;
    const head = text.slice(0, 400).trimStart();
    if (looksLikeEpss(head)) {
      try {
        const parsed = parseEpss(text);
        report.epss = replaceEpss(db, parsed);
        epssMeta = { version: parsed.modelVersion, date: parsed.scoreDate };
        touched.add('epss');
      } catch (err) {
        report.errors.push({ file, line: err instanceof EpssFormatError ? err.line : undefined, message: (err as Error).message });
      }
      return;
    }
    if (head.startsWith('[')) {
      // a JSON array of OSV records
      try {
        const list = parseJsonOrThrow(text, file) as unknown[];
        for (const x of list) putRecord(x, file);
      } catch (err) {
        report.errors.push(problem(err, file));
      }
      return;
    }
    let doc: unknown;
    try {
      doc = parseJsonOrThrow(text, file);
    } catch (err) {
      // not one JSON document: JSON lines when the first line is a whole JSON object
      if (!isJsonLines(text)) {
        report.errors.push(problem(err, file));
        return;
      }
      doc = undefined;
    }
    if (doc !== undefined) {
      putRecord(doc, file);
      return;
    }
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!.trim();
      if (l === '') continue;
      let x: unknown;
      try {
        x = JSON.parse(l);
      } catch (err) {
        report.errors.push({ file, line: i + 1, message: `invalid JSON: ${(err as Error).message}` });
        continue;
      }
      putRecord(x, file, i + 1);
    }
  };

  const importBytes = (bytes: Buffer, file: string): void => {
    if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
      for (const entry of zipEntries(bytes)) {
        if (!/\.json$/i.test(entry.name)) continue;
        const name = `${file}!${entry.name}`;
        try {
          importText(entry.read().toString('utf8'), name);
        } catch (err) {
          report.errors.push({ file: name, message: (err as Error).message });
        }
      }
      return;
    }
    if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
      importText(gunzipSync(bytes).toString('utf8'), file);
      return;
    }
    importText(bytes.toString('utf8'), file);
  };

  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        const child = join(p, name);
        const cst = statSync(child);
        if (cst.isDirectory()) walk(child);
        else if (/\.(json|jsonl|zip|gz|csv)$/i.test(name)) walk(child);
      }
      return;
    }
    try {
      importBytes(readFileSync(p), p);
    } catch (err) {
      report.errors.push(problem(err, p));
    }
  };

  statSync(path); // a missing path is a usage error, thrown to the caller
  db.transaction(() => {
    walk(path);
    const now = (options.now ?? new Date()).toISOString();
    const setSource = db.prepare('INSERT OR REPLACE INTO sources(source, imported_at, data_date, version, path) VALUES (?, ?, ?, ?, ?)');
    for (const kind of touched) {
      let date: string | null = null;
      let version: string | null = null;
      if (kind === 'osv') date = (db.prepare("SELECT max(modified) AS d FROM advisories WHERE modified NOT LIKE '0001-%'").get() as { d: string | null }).d;
      if (kind === 'cve') date = (db.prepare('SELECT max(updated) AS d FROM cves').get() as { d: string | null }).d;
      const meta = kind === 'kev' ? kevMeta : kind === 'epss' ? epssMeta : undefined;
      if (meta) {
        date = meta.date ?? null;
        version = meta.version ?? null;
      }
      setSource.run(kind, now, date, version, path);
    }
  })();
  return report;
}

function isJsonLines(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0]!.trim();
  if (!first.startsWith('{')) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

function problem(err: unknown, file: string): ImportProblem {
  if (err instanceof ParseError) return { file, line: err.line, message: err.detail };
  return { file, message: (err as Error).message };
}
