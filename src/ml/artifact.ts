/**
 * The shipped model artifact (`models/exploit-v1.json`): a versioned JSON
 * file holding either a hashed-feature logistic model (weights pruned and
 * quantised to int16, base64-packed) or a boosted tree ensemble over the
 * same hashed features, its Platt calibration, how it was trained and the
 * metrics measured on the test months.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { CveRecord } from './cve-record.js';
import { extractFeatures, type FeatureSet } from './features.js';
import { margin } from './logistic.js';
import { boostedMargin, type Tree } from './boosting.js';
import type { SparseVector } from './features.js';
import { applyPlatt, type PlattCalibration } from './calibration.js';

export const ARTIFACT_FORMAT = 'tetrad-exploit-model';
/** 1: one logistic or boosted model over feature set 1; 2 adds `featureSet` and the `blend` kind (v1 files still read). */
export const ARTIFACT_VERSION = 2;

const common = {
  format: z.literal(ARTIFACT_FORMAT),
  version: z.union([z.literal(1), z.literal(ARTIFACT_VERSION)]),
  name: z.string(),
  hashBits: z.number().int().min(1).max(24),
  /** the feature set the model was trained on (`namedFeatures`); absent in v1 files, which used set 1 */
  featureSet: z.union([z.literal(1), z.literal(2)]).optional(),
  calibration: z.object({ kind: z.literal('platt'), a: z.number(), b: z.number() }),
  training: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.unknown()),
};

const treeSchema = z
  .object({ feature: z.array(z.number().int()), yes: z.array(z.number().int()), no: z.array(z.number().int()), value: z.array(z.number()) })
  .refine((t) => t.feature.length > 0 && t.yes.length === t.feature.length && t.no.length === t.feature.length && t.value.length === t.feature.length, 'tree arrays differ in length')
  .refine((t) => t.feature.every((f, n) => f < 0 || (t.yes[n] > n && t.no[n] > n && t.yes[n] < t.feature.length && t.no[n] < t.feature.length)), 'tree children out of order');

const packedSchema = z.object({ count: z.number().int().nonnegative(), scale: z.number().positive(), indices: z.string(), values: z.string() });
const logisticBody = { kind: z.literal('logistic'), bias: z.number(), weights: packedSchema };
const boostedBody = { kind: z.literal('boosted-trees'), base: z.number(), trees: z.array(treeSchema) };
/** a blend's margin is Σ weight · (margin of part): bagged boosters and a logistic model, each scaled by its weight */
const blendPart = z.discriminatedUnion('kind', [z.object({ weight: z.number(), ...logisticBody }), z.object({ weight: z.number(), ...boostedBody })]);

const artifactSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, ...logisticBody }),
  z.object({ ...common, ...boostedBody }),
  z.object({ ...common, kind: z.literal('blend'), parts: z.array(blendPart).min(1) }),
]);

export type ModelArtifact = z.infer<typeof artifactSchema>;
export interface PackedWeights {
  count: number;
  scale: number;
  indices: string;
  values: string;
}

/** A model ready to score: the uncalibrated margin of a feature vector, and its calibration. */
export interface ExploitModel {
  hashBits: number;
  featureSet: FeatureSet;
  margin: (x: SparseVector) => number;
  calibration: PlattCalibration;
}

/** Packs dense weights: drops |w| < minAbs, quantises the rest to int16 of max|w|. */
export function packWeights(weights: Float32Array, minAbs: number): PackedWeights {
  const idx: number[] = [];
  let maxAbs = 0;
  for (let j = 0; j < weights.length; j++) {
    const a = Math.abs(weights[j]);
    if (a >= minAbs && a > 0) {
      idx.push(j);
      if (a > maxAbs) maxAbs = a;
    }
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const indices = Uint32Array.from(idx);
  const values = Int16Array.from(idx, (j) => Math.round(weights[j] / scale));
  return {
    count: idx.length,
    scale,
    indices: Buffer.from(indices.buffer, indices.byteOffset, indices.byteLength).toString('base64'),
    values: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64'),
  };
}

export function unpackWeights(packed: PackedWeights, hashBits: number): Float32Array {
  const dim = 1 << hashBits;
  const ib = Buffer.from(packed.indices, 'base64');
  const vb = Buffer.from(packed.values, 'base64');
  if (ib.length !== packed.count * 4 || vb.length !== packed.count * 2) throw new Error('model weights are corrupt (length mismatch)');
  const out = new Float32Array(dim);
  for (let k = 0; k < packed.count; k++) {
    const j = ib.readUInt32LE(k * 4);
    if (j >= dim) throw new Error('model weights are corrupt (index out of range)');
    out[j] = vb.readInt16LE(k * 2) * packed.scale;
  }
  return out;
}

export type ModelBody =
  | { kind: 'logistic'; bias: number; weights: PackedWeights }
  | { kind: 'boosted-trees'; base: number; trees: Tree[] };

/** The uncalibrated margin function of one model body. */
export function bodyMargin(body: ModelBody, hashBits: number): (x: SparseVector) => number {
  if (body.kind === 'logistic') {
    const linear = { bias: body.bias, weights: unpackWeights(body.weights, hashBits) };
    return (x) => margin(linear, x);
  }
  const boosted = { bits: hashBits, base: body.base, trees: body.trees };
  return (x) => boostedMargin(boosted, x);
}

export function modelFromArtifact(a: ModelArtifact): ExploitModel {
  const featureSet = a.featureSet ?? 1;
  if (a.kind !== 'blend') return { hashBits: a.hashBits, featureSet, margin: bodyMargin(a as ModelBody, a.hashBits), calibration: a.calibration };
  const parts = a.parts.map((p) => ({ weight: p.weight, margin: bodyMargin(p as ModelBody, a.hashBits) }));
  return {
    hashBits: a.hashBits,
    featureSet,
    margin: (x) => parts.reduce((z, p) => z + p.weight * p.margin(x), 0),
    calibration: a.calibration,
  };
}

export function parseArtifact(text: string, file: string): ModelArtifact {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not JSON (${(err as Error).message})`);
  }
  const parsed = artifactSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a ${ARTIFACT_FORMAT} v1–v${ARTIFACT_VERSION} artifact (${issue.path.join('.') || '(root)'}: ${issue.message})`);
  }
  return parsed.data;
}

export function readArtifact(file: string): ModelArtifact {
  return parseArtifact(readFileSync(file, 'utf8'), file);
}

export function writeArtifact(file: string, artifact: ModelArtifact): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(artifact, null, 1)}\n`);
}

/** The uncalibrated model margin of a record. */
export function rawMargin(model: Pick<ExploitModel, 'hashBits' | 'featureSet' | 'margin'>, record: CveRecord): number {
  return model.margin(extractFeatures(record, model.hashBits, model.featureSet));
}

/** The calibrated probability that a record's CVE will be known exploited. Reads only the record. */
export function exploitProbability(model: ExploitModel, record: CveRecord): number {
  return applyPlatt(model.calibration, rawMargin(model, record));
}
