import { Command, Option } from 'commander';
import { defaultDbPath, openStore } from '../vulns/store/db.js';
import { importPath, type ImportReport } from '../vulns/store/import.js';
import { storeStatus } from '../vulns/store/status.js';

/** `tetrad db import PATH...` and `tetrad db status`: the offline advisory store. */
export function registerDb(program: Command): void {
  const db = program.command('db').description('the offline advisory store (OSV, CVE JSON 5, CISA KEV, EPSS)');
  const dbOption = () => new Option('--db <file>', 'advisory database file').default(defaultDbPath(), '$TETRAD_DB or ~/.cache/tetrad/tetrad.db');

  db.command('import')
    .description('import OSV JSON files, folders and osv.dev zip archives, CVE JSON 5 records (JSON lines, .gz), the KEV catalog, EPSS CSV')
    .argument('<path...>', 'files or folders to import')
    .addOption(dbOption())
    .option('--format <format>', 'output format: text or json', 'text')
    .action((paths: string[], flags: { db: string; format: string }) => {
      const store = openStore(flags.db);
      try {
        const reports: (ImportReport & { path: string })[] = [];
        for (const p of paths) reports.push({ path: p, ...importPath(store, p) });
        if (flags.format === 'json') process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
        else for (const r of reports) process.stdout.write(describeImport(r));
        for (const r of reports) {
          for (const e of r.errors) process.stderr.write(`tetrad: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
        }
        if (reports.some((r) => r.errors.length > 0)) process.exitCode = 1;
      } finally {
        store.close();
      }
    });

  db.command('status')
    .description('counts and freshness of each imported source; warns when data is stale')
    .addOption(dbOption())
    .option('--max-age <days>', 'data older than this many days is stale', '7')
    .option('--format <format>', 'output format: text or json', 'text')
    .action((flags: { db: string; maxAge: string; format: string }) => {
      const maxAgeDays = Number(flags.maxAge);
      if (!Number.isFinite(maxAgeDays) || maxAgeDays < 0) throw new Error(`--max-age must be a number of days, not ${flags.maxAge}`);
      const store = openStore(flags.db);
      try {
        const s = storeStatus(store, { maxAgeDays });
        if (flags.format === 'json') process.stdout.write(`${JSON.stringify({ db: flags.db, ...s }, null, 2)}\n`);
        else {
          process.stdout.write(`advisory store ${flags.db}\n`);
          for (const src of s.sources) {
            const when = src.dataDate ? `data of ${src.dataDate.slice(0, 10)}` : 'no data date';
            const imported = src.importedAt ? `, imported ${src.importedAt.slice(0, 19)}Z` : '';
            const version = src.version ? ` (version ${src.version})` : '';
            process.stdout.write(`  ${src.source.padEnd(5)} ${String(src.records).padStart(9)} records  ${when}${version}${imported}${src.stale ? '  STALE' : ''}\n`);
          }
          if (s.ecosystems.length > 0) {
            process.stdout.write('  OSV advisories by ecosystem:\n');
            for (const e of s.ecosystems) process.stdout.write(`    ${e.ecosystem}: ${e.advisories}\n`);
          }
        }
        for (const w of s.warnings) process.stderr.write(`tetrad: warning: ${w}\n`);
      } finally {
        store.close();
      }
    });
}

function describeImport(r: ImportReport & { path: string }): string {
  const counts = (c: ImportReport['osv']) => `${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged`;
  const lines = [`${r.path}: ${r.files} file(s)`];
  if (r.osv.inserted + r.osv.updated + r.osv.unchanged > 0) lines.push(`  OSV advisories: ${counts(r.osv)}`);
  if (r.cve.inserted + r.cve.updated + r.cve.unchanged > 0) lines.push(`  CVE records: ${counts(r.cve)}`);
  if (r.kev !== null) lines.push(`  KEV catalog: ${r.kev} entries`);
  if (r.epss !== null) lines.push(`  EPSS scores: ${r.epss}`);
  if (r.errors.length > 0) lines.push(`  ${r.errors.length} error(s)`);
  return `${lines.join('\n')}\n`;
}
