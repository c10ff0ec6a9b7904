/**
 * Training labels. KEV membership is the label; CISA's SSVC `Exploitation`
 * decision point ("poc": public proof-of-concept) may serve as a weaker,
 * denser auxiliary label. Both are read only here, for training targets —
 * never by the feature extractor.
 */
import type { CveRecord } from './cve-record.js';

export type Exploitation = 'none' | 'poc' | 'active';

/** The SSVC Exploitation value CISA's ADP container gives a record, lower-cased; undefined when absent. */
export function ssvcExploitation(record: CveRecord): Exploitation | undefined {
  for (const adp of record.containers.adp ?? []) {
    for (const m of Array.isArray(adp?.metrics) ? adp.metrics : []) {
      if (m?.other?.type !== 'ssvc') continue;
      const options = (m.other.content as { options?: Record<string, unknown>[] } | undefined)?.options;
      for (const o of Array.isArray(options) ? options : []) {
        const v = typeof o?.Exploitation === 'string' ? o.Exploitation.toLowerCase() : undefined;
        if (v === 'none' || v === 'poc' || v === 'active') return v;
      }
    }
  }
  return undefined;
}

/**
 * The training target of a record: 1 when known exploited (KEV), `pocTarget`
 * when only a public proof-of-concept is known, else 0.
 */
export function trainingTarget(record: CveRecord, kev: Set<string>, pocTarget: number): number {
  if (kev.has(record.cveMetadata.cveId)) return 1;
  return pocTarget > 0 && ssvcExploitation(record) === 'poc' ? pocTarget : 0;
}
