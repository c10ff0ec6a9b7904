/**
 * The offline advisory store: one SQLite file (better-sqlite3). Default path
 * `$TETRAD_DB`, else `$XDG_CACHE_HOME/tetrad/tetrad.db`, else `~/.cache/tetrad/tetrad.db`.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export const SCHEMA_VERSION = 1;

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TETRAD_DB) return env.TETRAD_DB;
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'tetrad', 'tetrad.db');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS advisories (
  id TEXT PRIMARY KEY,
  modified TEXT NOT NULL,
  published TEXT,
  withdrawn TEXT,
  summary TEXT,
  record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS affected_packages (
  advisory_id TEXT NOT NULL REFERENCES advisories(id) ON DELETE CASCADE,
  ecosystem TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (name, ecosystem, advisory_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS affected_by_advisory ON affected_packages(advisory_id);
CREATE TABLE IF NOT EXISTS aliases (
  advisory_id TEXT NOT NULL REFERENCES advisories(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (alias, advisory_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_by_advisory ON aliases(advisory_id);
CREATE TABLE IF NOT EXISTS cves (
  id TEXT PRIMARY KEY,
  state TEXT,
  published TEXT,
  updated TEXT,
  title TEXT,
  description TEXT,
  cvss TEXT NOT NULL,
  cwes TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kev (
  cve_id TEXT PRIMARY KEY,
  vendor TEXT,
  product TEXT,
  name TEXT,
  date_added TEXT,
  due_date TEXT,
  ransomware TEXT
);
CREATE TABLE IF NOT EXISTS epss (
  cve_id TEXT PRIMARY KEY,
  epss REAL NOT NULL,
  percentile REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
  source TEXT PRIMARY KEY,
  imported_at TEXT NOT NULL,
  data_date TEXT,
  version TEXT,
  path TEXT
);
`;

/** Opens (and creates or migrates) the store. */
export function openStore(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const row = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").get();
  if (row) {
    const v = db.prepare("SELECT value FROM meta WHERE key='schema_version'").get() as { value: string } | undefined;
    if (v && Number(v.value) > SCHEMA_VERSION) {
      db.close();
      throw new Error(`${path}: advisory store schema ${v.value} is newer than this Tetrad understands (${SCHEMA_VERSION})`);
    }
  }
  db.exec(SCHEMA);
  db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
  return db;
}
