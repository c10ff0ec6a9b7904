/** Writes OSV records into the store: one row per advisory, its affected packages and aliases. */
import { osvRecord, type OsvRecord } from '../osv.js';
import { normalizeName } from '../match.js';
import type { Db } from './db.js';

export type PutResult = 'inserted' | 'updated' | 'unchanged';

export class OsvWriter {
  private readonly get;
  private readonly upsert;
  private readonly delAffected;
  private readonly delAliases;
  private readonly addAffected;
  private readonly addAlias;

  constructor(private readonly db: Db) {
    this.get = db.prepare<[string], { modified: string; record: string }>('SELECT modified, record FROM advisories WHERE id = ?');
    this.upsert = db.prepare(
      `INSERT INTO advisories(id, modified, published, withdrawn, summary, record) VALUES (@id, @modified, @published, @withdrawn, @summary, @record)
       ON CONFLICT(id) DO UPDATE SET modified=excluded.modified, published=excluded.published, withdrawn=excluded.withdrawn,
       summary=excluded.summary, record=excluded.record`,
    );
    this.delAffected = db.prepare('DELETE FROM affected_packages WHERE advisory_id = ?');
    this.delAliases = db.prepare('DELETE FROM aliases WHERE advisory_id = ?');
    this.addAffected = db.prepare('INSERT OR IGNORE INTO affected_packages(advisory_id, ecosystem, name) VALUES (?, ?, ?)');
    this.addAlias = db.prepare('INSERT OR IGNORE INTO aliases(advisory_id, alias, kind) VALUES (?, ?, ?)');
  }

  /**
   * Validates and stores one record. A stored record with a later `modified` is kept (re-importing
   * an older copy changes nothing); the same record again is `unchanged`. Throws on an invalid record.
   */
  put(raw: unknown): PutResult {
    const parsed = osvRecord.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`not an OSV record: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    const rec: OsvRecord = parsed.data;
    const text = JSON.stringify(raw);
    const old = this.get.get(rec.id);
    if (old && (old.record === text || old.modified > rec.modified)) return 'unchanged';
    this.upsert.run({
      id: rec.id,
      modified: rec.modified,
      published: rec.published ?? null,
      withdrawn: rec.withdrawn ?? null,
      summary: rec.summary ?? null,
      record: text,
    });
    this.delAffected.run(rec.id);
    this.delAliases.run(rec.id);
    for (const a of rec.affected ?? []) {
      if (a.package) this.addAffected.run(rec.id, a.package.ecosystem, normalizeName(a.package.ecosystem, a.package.name));
    }
    for (const alias of rec.aliases ?? []) this.addAlias.run(rec.id, alias, 'alias');
    for (const alias of rec.upstream ?? []) this.addAlias.run(rec.id, alias, 'upstream');
    for (const alias of rec.related ?? []) this.addAlias.run(rec.id, alias, 'related');
    return old ? 'updated' : 'inserted';
  }
}
