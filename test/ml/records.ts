/** Small hand-written CVE JSON 5 records for the exploit-model tests. */
import type { CveRecord } from '../../src/ml/cve-record.js';

export interface RecordSpec {
  id: string;
  published: string;
  description: string;
  vector?: string;
  score?: number;
  cwe?: string;
  vendor?: string;
  product?: string;
  assigner?: string;
  refTags?: string[][];
}

export function cveRecord(s: RecordSpec): CveRecord {
  return {
    dataType: 'CVE_RECORD',
    dataVersion: '5.1',
    cveMetadata: { cveId: s.id, assignerShortName: s.assigner ?? 'mitre', state: 'PUBLISHED', datePublished: s.published },
    containers: {
      cna: {
        descriptions: [{ lang: 'en', value: s.description }],
        problemTypes: s.cwe ? [{ descriptions: [{ lang: 'en', type: 'CWE', cweId: s.cwe, description: s.cwe }] }] : [],
        affected: [{ vendor: s.vendor ?? 'n/a', product: s.product ?? 'n/a', versions: [{ status: 'affected', version: '1.0' }] }],
        metrics: s.vector ? [{ cvssV3_1: { version: '3.1', vectorString: s.vector, baseScore: s.score ?? 5 } }] : [],
        references: (s.refTags ?? [['vendor-advisory']]).map((tags, i) => ({ url: `https://example.com/${s.id}/${i}`, tags })),
      },
      adp: [],
    },
  };
}

/** A record carrying everything that must never be an input: a KEV ADP entry and CISA's SSVC decision points. */
export function withLeakyFields(record: CveRecord, exploitation: 'none' | 'poc' | 'active'): CveRecord {
  const copy = structuredClone(record);
  copy.containers.adp = [
    ...(copy.containers.adp ?? []),
    {
      providerMetadata: { shortName: 'CISA-ADP' },
      metrics: [
        {
          other: {
            type: 'ssvc',
            content: { id: copy.cveMetadata.cveId, options: [{ Exploitation: exploitation }, { Automatable: 'yes' }, { 'Technical Impact': 'total' }], version: '2.0.3' },
          },
        },
        { other: { type: 'kev', content: { dateAdded: '2024-05-01', reference: 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog' } } },
      ],
    },
  ];
  return copy;
}

/**
 * A synthetic, learnable fleet of CVEs over 2022-01…2024-05: "remote code
 * execution" in network-facing products of vendor acme is exploited far more
 * often than local denial of service. Deterministic for a given count.
 */
export function syntheticFleet(n: number): { records: CveRecord[]; kev: Set<string> } {
  const records: CveRecord[] = [];
  const kev = new Set<string>();
  let state = 12345;
  const rand = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  for (let i = 0; i < n; i++) {
    const month = Math.floor((i / n) * 29); // 0..28 → 2022-01 … 2024-05
    const y = 2022 + Math.floor(month / 12);
    const m = String((month % 12) + 1).padStart(2, '0');
    const risky = rand() < 0.15;
    const id = `CVE-${y}-${10000 + i}`;
    records.push(
      cveRecord({
        id,
        published: `${y}-${m}-15T00:00:00`,
        description: risky
          ? `An unauthenticated remote code execution vulnerability in the acme gateway web interface, issue ${i}.`
          : `A local denial of service in the ${rand() < 0.5 ? 'widget' : 'gadget'} parser when handling crafted files, issue ${i}.`,
        vector: risky ? 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' : 'CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:N/I:N/A:L',
        score: risky ? 9.8 : 2.5,
        cwe: risky ? 'CWE-78' : 'CWE-400',
        vendor: risky ? 'acme' : 'widgets inc',
        product: risky ? 'gateway' : 'parser',
      }),
    );
    if (rand() < (risky ? 0.3 : 0.005)) kev.add(id);
  }
  return { records, kev };
}
