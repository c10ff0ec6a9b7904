/**
 * Features of a CVE record known when it is published: CVSS vector
 * components, CWE ids, vendor/product, assigner, description and title
 * n-grams, reference counts and tags. Hashed into a sparse vector.
 *
 * Never read here: CISA KEV (the label), the SSVC decision points (the
 * `other` metrics, whose `Exploitation` point is derived from exploitation
 * evidence), or anything computed from them. `test/ml-leakage.test.ts`
 * proves it by scoring records with and without those fields.
 */
import type { Container, CveRecord, MetricEntry } from './cve-record.js';
import { bucket } from './hashing.js';

/** A sparse feature vector: sorted unique bucket indices and their values. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float32Array;
}

export const DEFAULT_HASH_BITS = 18;

const CVSS_KEYS = ['cvssV4_0', 'cvssV3_1', 'cvssV3_0', 'cvssV2_0'] as const;

function containers(record: CveRecord): Container[] {
  const out: Container[] = [];
  if (record.containers.cna) out.push(record.containers.cna);
  for (const adp of record.containers.adp ?? []) if (adp && typeof adp === 'object') out.push(adp);
  return out;
}

/** CVSS metrics of the record (CNA first, then ADP containers), without SSVC or other non-CVSS metrics. */
function cvssMetrics(record: CveRecord): { key: (typeof CVSS_KEYS)[number]; vector: string; score?: number }[] {
  const out: { key: (typeof CVSS_KEYS)[number]; vector: string; score?: number }[] = [];
  for (const c of containers(record)) {
    for (const m of (Array.isArray(c.metrics) ? c.metrics : []) as MetricEntry[]) {
      for (const key of CVSS_KEYS) {
        const metric = m?.[key];
        if (metric && typeof metric.vectorString === 'string') {
          out.push({ key, vector: metric.vectorString, score: typeof metric.baseScore === 'number' ? metric.baseScore : undefined });
        }
      }
    }
  }
  return out;
}

/** The best CVSS base score known for a record: v3.1, then v3.0, then v4.0 (CNA before ADP); undefined when none. */
export function cvssBaseScore(record: CveRecord): number | undefined {
  const metrics = cvssMetrics(record);
  for (const key of ['cvssV3_1', 'cvssV3_0', 'cvssV4_0'] as const) {
    const hit = metrics.find((m) => m.key === key && m.score !== undefined);
    if (hit) return hit.score;
  }
  return undefined;
}

const TOKEN = /[a-z0-9][a-z0-9_+-]*[a-z0-9+]|[a-z0-9]/g;

/** Lower-cased word tokens; pure numbers are folded into one token so versions do not explode the vocabulary. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const t of text.toLowerCase().match(TOKEN) ?? []) out.push(/^\d+$/.test(t) ? '<num>' : t);
  return out;
}

function countBucket(n: number): string {
  if (n <= 1) return String(n);
  if (n <= 3) return '2-3';
  if (n <= 7) return '4-7';
  if (n <= 15) return '8-15';
  return '16+';
}

const norm = (s: unknown) => (typeof s === 'string' ? s.trim().toLowerCase() : '');
const isNa = (s: string) => s === '' || s === 'n/a' || s === 'unknown' || s === '*';

/**
 * Named features of a record, before hashing: categorical features carry 1,
 * text n-grams carry 1/sqrt(#n-grams) so long descriptions do not dominate.
 */
export function namedFeatures(record: CveRecord, featureSet: FeatureSet = 1): Map<string, number> {
  const f = new Map<string, number>();
  const add = (name: string, value = 1) => f.set(name, Math.max(f.get(name) ?? 0, value));

  add(`assigner:${norm(record.cveMetadata.assignerShortName) || '?'}`);

  // CVSS: every vector component per version, and the base score in whole points
  const metrics = cvssMetrics(record);
  if (metrics.length === 0) add('cvss:none');
  for (const m of metrics) {
    const family = m.key === 'cvssV4_0' ? 'v4' : m.key === 'cvssV2_0' ? 'v2' : 'v3';
    for (const part of m.vector.split('/')) {
      if (part.startsWith('CVSS:') || !part.includes(':')) continue;
      add(`${family}:${part}`);
    }
    if (m.score !== undefined) add(`${family}:score:${Math.floor(m.score)}`);
  }
  const score = cvssBaseScore(record);
  add(score === undefined ? 'score:none' : `score:${score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low'}`);

  // CWE ids (CNA and ADP problem types)
  let cwes = 0;
  for (const c of containers(record)) {
    for (const pt of Array.isArray(c.problemTypes) ? c.problemTypes : []) {
      for (const d of pt?.descriptions ?? []) {
        if (typeof d.cweId === 'string') {
          add(`cwe:${d.cweId.toUpperCase()}`);
          cwes++;
        }
      }
    }
  }
  if (cwes === 0) add('cwe:none');

  // vendor and product, from affected entries and CPEs
  for (const c of containers(record)) {
    for (const a of Array.isArray(c.affected) ? c.affected : []) {
      const vendor = norm(a?.vendor);
      const product = norm(a?.product);
      if (!isNa(vendor)) add(`vendor:${vendor}`);
      if (!isNa(vendor) && !isNa(product)) add(`product:${vendor}/${product}`);
      else if (!isNa(product)) add(`product:?/${product}`);
      for (const cpe of Array.isArray(a?.cpes) ? a.cpes : []) {
        const parts = typeof cpe === 'string' ? cpe.split(':') : [];
        if (parts.length > 4) {
          add(`cpe-part:${parts[2]}`);
          if (!isNa(parts[3])) add(`vendor:${parts[3].toLowerCase()}`);
          if (!isNa(parts[3]) && !isNa(parts[4])) add(`product:${parts[3].toLowerCase()}/${parts[4].toLowerCase()}`);
        }
      }
    }
  }

  // references: count and tags (CNA only: ADP references are added later by third parties)
  const refs = Array.isArray(record.containers.cna?.references) ? record.containers.cna!.references! : [];
  add(`refs:${countBucket(refs.length)}`);
  for (const r of refs) {
    for (const tag of Array.isArray(r?.tags) ? r.tags : []) {
      if (typeof tag === 'string' && !tag.startsWith('x_refsource_')) add(`reftag:${tag.toLowerCase()}`);
    }
  }

  // description and title: unigrams and bigrams
  const cna = record.containers.cna;
  const texts: string[] = [];
  for (const d of Array.isArray(cna?.descriptions) ? cna!.descriptions! : []) {
    if (typeof d?.value === 'string' && (d.lang ?? 'en').toLowerCase().startsWith('en')) texts.push(d.value);
  }
  if (typeof cna?.title === 'string') texts.push(cna.title);
  const grams = new Set<string>();
  for (const text of texts) {
    const toks = tokenize(text);
    for (let i = 0; i < toks.length; i++) {
      grams.add(`w:${toks[i]}`);
      if (i + 1 < toks.length) grams.add(`b:${toks[i]} ${toks[i + 1]}`);
    }
  }
  const weight = grams.size ? 1 / Math.sqrt(grams.size) : 0;
  for (const g of grams) add(g, weight);
  if (featureSet >= 2) addPublicationExtras(record, texts.join(' ').toLowerCase(), add);
  return f;
}

/** 1: the features of exploit-v1 up to session 2; 2: plus the extras below. The artifact names the set it was trained on. */
export type FeatureSet = 1 | 2;
export const FEATURE_SETS: readonly FeatureSet[] = [1, 2];

/**
 * Coarse CWE families, so that rare CWE ids share evidence with their siblings. A small hand-written table
 * (no CWE catalogue is available offline here); ids follow MITRE's CWE-1000/CWE-699 groupings.
 */
const CWE_FAMILIES: Record<string, readonly number[]> = {
  injection: [74, 75, 77, 78, 88, 89, 90, 91, 93, 94, 95, 96, 97, 98, 113, 116, 564, 643, 652, 917, 1236],
  'memory-safety': [119, 120, 121, 122, 123, 124, 125, 126, 127, 131, 190, 191, 415, 416, 476, 680, 761, 762, 763, 787, 788, 805, 822, 823, 824, 843],
  'authentication': [255, 259, 284, 285, 287, 288, 289, 290, 294, 295, 297, 306, 307, 521, 522, 620, 640, 798, 862, 863, 1390, 1391],
  'path-file': [22, 23, 24, 35, 36, 59, 73, 434, 552, 706],
  deserialization: [502, 915],
  'request-forgery': [352, 601, 918],
  'cross-site-scripting': [79, 80, 83, 87],
  'information-exposure': [200, 201, 209, 532, 538],
  'resource-exhaustion': [400, 401, 770, 772, 834, 835, 1333],
  'xml-entities': [611, 776, 827],
};
const CWE_FAMILY = new Map<number, string>(Object.entries(CWE_FAMILIES).flatMap(([family, ids]) => ids.map((id) => [id, family] as const)));

/** Description phrases with one meaning and many spellings, normalised to one feature each. */
const PHRASES: [string, RegExp][] = [
  ['remote-code-execution', /remote code execution|execute arbitrary (?:code|commands)|arbitrary (?:code|command) execution|\brce\b|code injection/],
  ['command-injection', /(?:os |shell )?command injection|inject (?:arbitrary )?(?:os |shell )?commands/],
  ['authentication-bypass', /(?:authentication|auth|login) bypass|bypass (?:the )?(?:authentication|login)|without (?:authentication|credentials|logging in)/],
  ['unauthenticated', /\bunauthenticated\b|\bunauthorized remote\b|\bremote unauthenticated\b|\bpre-auth/],
  ['privilege-escalation', /privilege escalation|escalate (?:their )?privileges|elevation of privilege|gain (?:root|administrator|admin|elevated) (?:privileges|access)/],
  ['sql-injection', /sql injection|\bsqli\b/],
  ['path-traversal', /path traversal|directory traversal|\.\.\//],
  ['deserialization', /deseriali[sz]ation|untrusted data/],
  ['file-upload', /(?:arbitrary|unrestricted) file upload|upload (?:arbitrary|malicious) files?/],
  ['memory-corruption', /memory corruption|use[- ]after[- ]free|out[- ]of[- ]bounds write|heap (?:based )?(?:buffer )?overflow|type confusion/],
  ['exploited-in-the-wild', /exploited in the wild|may have been (?:actively )?exploited|actively exploited|aware of (?:a )?reports? that (?:this|an exploit)/],
  ['denial-of-service-only', /^(?!.*(?:code execution|arbitrary code)).*denial of service/],
  ['cross-site-scripting', /cross[- ]site scripting|\bxss\b/],
  ['requires-user-interaction', /user (?:must|needs to|to) (?:open|visit|click)|convince a user|social engineering/],
];

/** Reference hosts kept as features; cisa.gov (KEV, alerts on exploited CVEs) is never read: it is derived from the label. */
const LABEL_DERIVED_HOSTS = /(^|\.)(cisa\.gov|us-cert\.gov)$/;

function referenceHost(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url.trim());
  if (!m) return undefined;
  const host = m[1].toLowerCase().replace(/^www\./, '');
  return LABEL_DERIVED_HOSTS.test(host) ? undefined : host;
}

function addPublicationExtras(record: CveRecord, text: string, add: (name: string, value?: number) => void): void {
  // CVSS base score as cumulative thresholds: a tree reaches "≥ 9" with one split
  const score = cvssBaseScore(record);
  if (score !== undefined) for (const t of [4, 6, 7, 8, 9, 9.8]) if (score >= t) add(`score>=${t}`);
  // CWE families
  for (const c of containers(record)) {
    for (const pt of Array.isArray(c.problemTypes) ? c.problemTypes : []) {
      for (const d of pt?.descriptions ?? []) {
        const id = typeof d.cweId === 'string' ? Number(/^CWE-(\d+)$/i.exec(d.cweId)?.[1]) : NaN;
        const family = CWE_FAMILY.get(id);
        if (family) add(`cwe-family:${family}`);
      }
    }
  }
  // reference hosts (CNA references only, as for tags)
  const refs = Array.isArray(record.containers.cna?.references) ? record.containers.cna!.references! : [];
  for (const r of refs) {
    const host = referenceHost(r?.url);
    if (host) add(`refhost:${host}`);
  }
  // affected: how many products, and whether versions are stated as ranges
  const affected = Array.isArray(record.containers.cna?.affected) ? record.containers.cna!.affected! : [];
  add(`affected:${countBucket(affected.length)}`);
  let ranges = false;
  for (const a of affected) {
    for (const v of Array.isArray(a?.versions) ? (a.versions as Record<string, unknown>[]) : []) {
      if (v && typeof v === 'object' && ('lessThan' in v || 'lessThanOrEqual' in v)) ranges = true;
    }
  }
  add(ranges ? 'versions:ranges' : 'versions:points');
  for (const [name, re] of PHRASES) if (re.test(text)) add(`phrase:${name}`);
}

/** Hashes named features into a sparse vector of 2^bits buckets (colliding features add up). */
export function hashFeatures(named: Map<string, number>, bits = DEFAULT_HASH_BITS): SparseVector {
  const acc = new Map<number, number>();
  for (const [name, value] of named) {
    const b = bucket(name, bits);
    acc.set(b, (acc.get(b) ?? 0) + value);
  }
  const indices = Uint32Array.from([...acc.keys()].sort((a, b) => a - b));
  const values = Float32Array.from(indices, (i) => acc.get(i)!);
  return { indices, values };
}

export function extractFeatures(record: CveRecord, bits = DEFAULT_HASH_BITS, featureSet: FeatureSet = 1): SparseVector {
  return hashFeatures(namedFeatures(record, featureSet), bits);
}
