/**
 * The shipped model artifact (`models/exploit-v1.json`): a versioned JSON
 * file holding the hashed-feature logistic model (weights pruned and
 * quantised to int16, base64-packed), its Platt calibration, how it was
 * trained and the metrics measured on the test months.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { CveRecord } from './cve-record.js';
import { extractFeatures } from './features.js';
import { margin } from './logistic.js';
import { applyPlatt, type PlattCalibration } from './calibration.js';

export const ARTIFACT_FORMAT = 'tetrad-exploit-model';
export const ARTIFACT_VERSION = 1;

const artifactSchema = z.object({
  format: z.literal(ARTIFACT_FORMAT),
  version: z.literal(ARTIFACT_VERSION),
  name: z.string(),
  kind: z.literal('logistic'),
  hashBits: z.number().int().min(8).max(24),
  bias: z.number(),
  weights: z.object({
    count: z.number().int().nonnegative(),
    scale: z.number().positive(),
    indices: z.string(),
    values: z.string(),
  }),
  calibration: z.object({ kind: z.literal('platt'), a: z.number(), b: z.number() }),
  training: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.unknown()),
});

export type ModelArtifact = z.infer<typeof artifactSchema>;

/** A model ready to score: dense weights and calibration. */
export interface ExploitModel {
  hashBits: number;
  bias: number;
  weights: Float32Array;
  calibration: PlattCalibration;
}

/** Packs dense weights: drops |w| < minAbs, quantises the rest to int16 of max|w|. */
export function packWeights(weights: Float32Array, minAbs: number): ModelArtifact['weights'] {
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

export function unpackWeights(packed: ModelArtifact['weights'], hashBits: number): Float32Array {
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

export function modelFromArtifact(a: ModelArtifact): ExploitModel {
  return { hashBits: a.hashBits, bias: a.bias, weights: unpackWeights(a.weights, a.hashBits), calibration: a.calibration };
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
    throw new Error(`${file}: not a ${ARTIFACT_FORMAT} v${ARTIFACT_VERSION} artifact (${issue.path.join('.') || '(root)'}: ${issue.message})`);
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
export function rawMargin(model: Pick<ExploitModel, 'hashBits' | 'bias' | 'weights'>, record: CveRecord): number {
  return margin(model, extractFeatures(record, model.hashBits));
}

/** The calibrated probability that a record's CVE will be known exploited. Reads only the record. */
export function exploitProbability(model: ExploitModel, record: CveRecord): number {
  return applyPlatt(model.calibration, rawMargin(model, record));
}
