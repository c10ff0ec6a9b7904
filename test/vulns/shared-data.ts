/** The shared real data set (`../shared/data` beside the repository), found from this file, not the cwd. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OsvRecord } from '../../src/vulns/osv.js';

export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const OSV_DIR = `${SHARED_DATA}osv`;
export const KEV_FILE = `${SHARED_DATA}kev/known_exploited_vulnerabilities.json`;
export const CVE_FILE = `${SHARED_DATA}cve/cve-records-before-2024-06.jsonl.gz`;
export const hasSharedData = existsSync(`${OSV_DIR}/GO-2024-2491.json`);
export const SKIP_MESSAGE = `skipped: the shared data set is absent (${SHARED_DATA})`;

export function osv(file: string): OsvRecord {
  return JSON.parse(readFileSync(`${OSV_DIR}/${file}`, 'utf8')) as OsvRecord;
}
