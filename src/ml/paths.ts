/** Where the exploit model finds its shipped artifact and the shared data sets, resolved from this file, not the cwd. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared/data` next to the repository root (works from src/ml and dist/ml alike). */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const CVE_RECORDS_FILE = `${SHARED_DATA_DIR}cve/cve-records-before-2024-06.jsonl.gz`;
export const KEV_FILE = `${SHARED_DATA_DIR}kev/known_exploited_vulnerabilities.json`;
/** The versioned model artifact that ships with the project. */
export const SHIPPED_MODEL_FILE = fileURLToPath(new URL('../../models/exploit-v1.json', import.meta.url));
/** The same procedure trained without the test months and evaluated on them: what `tetrad model eval` reads. */
export const HELDOUT_MODEL_FILE = heldoutFileOf(SHIPPED_MODEL_FILE);

/** `x/model.json` → `x/model-heldout.json`: where `tetrad model train` writes the held-out twin of an artifact. */
export function heldoutFileOf(file: string): string {
  return file.endsWith('.json') ? `${file.slice(0, -'.json'.length)}-heldout.json` : `${file}-heldout`;
}

export function sharedDataAvailable(): boolean {
  return existsSync(CVE_RECORDS_FILE) && existsSync(KEV_FILE);
}
