/** `tetrad model score`: one JSON line per CVE record, the shipped model's calibrated probability, nothing else consulted. */
import { readRecords, type RecordError } from './cve-record.js';
import { exploitProbability, type ExploitModel } from './artifact.js';

export interface ScoreLine {
  cveId: string;
  probability: number;
}

/** Probabilities keep 6 significant digits: enough to rank, short enough to read. */
export const formatScore = (line: ScoreLine) => JSON.stringify({ cveId: line.cveId, probability: Number(line.probability.toPrecision(6)) });

/**
 * Scores every record of a JSON-lines file (plain or .gz), writing one line
 * per record through `write`; malformed lines go to `onError` (with file and
 * line) and the rest of the file goes on. Returns the counts.
 */
export async function scoreFile(
  model: ExploitModel,
  file: string,
  write: (line: string) => void,
  onError: (err: RecordError) => void,
): Promise<{ scored: number; errors: number }> {
  let scored = 0;
  let errors = 0;
  for await (const item of readRecords(file)) {
    if ('error' in item) {
      errors++;
      onError(item.error);
      continue;
    }
    write(formatScore({ cveId: item.record.cveMetadata.cveId, probability: exploitProbability(model, item.record) }));
    scored++;
  }
  return { scored, errors };
}
