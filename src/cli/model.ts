import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { loadKevIds, loadRecords } from '../ml/cve-record.js';
import { CVE_RECORDS_FILE, HELDOUT_MODEL_FILE, KEV_FILE, SHIPPED_MODEL_FILE, heldoutFileOf } from '../ml/paths.js';
import { trainExploitModel } from '../ml/train.js';
import { modelFromArtifact, readArtifact, writeArtifact, exploitProbability } from '../ml/artifact.js';
import { cvssBaseScore } from '../ml/features.js';
import { partOf, type TemporalSplit } from '../ml/split.js';
import { evaluate, renderEvaluation } from '../ml/evaluate.js';
import { scoreFile } from '../ml/score.js';
import type { Costs } from '../ml/decision.js';
import { UsageError } from './options.js';

function positiveNumber(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} expects a non-negative number, got "${v}"`);
    return n;
  };
}

function need(file: string, what: string): string {
  if (!existsSync(file)) throw new UsageError(`${what} not found: ${file}`);
  return file;
}

export function registerModel(program: Command): void {
  const model = program.command('model').description('the exploit-likelihood model: train, evaluate, score CVE records');

  model
    .command('train')
    .description('train on the shared CVE records (temporal split), calibrate, and write the model artifact')
    .option('--seed <n>', 'random seed (mini-batch order)', (v) => Number.parseInt(v, 10), 7)
    .option('--records <file>', 'CVE JSON 5 records, JSON lines (.gz)', CVE_RECORDS_FILE)
    .option('--kev <file>', 'CISA KEV catalogue (the label)', KEV_FILE)
    .option('-o, --output <file>', 'artifact to write (the scoring model)', SHIPPED_MODEL_FILE)
    .option('--heldout-output <file>', 'where the held-out model goes (default: <output>-heldout.json)')
    .option('--fn-cost <n>', 'cost of a missed exploited CVE', positiveNumber('--fn-cost'), 20)
    .option('--fp-cost <n>', 'cost of a false alarm', positiveNumber('--fp-cost'), 1)
    .option('--no-refit', 'ship the model trained before the validation months instead of refitting it on train + validation')
    .option('--no-final', 'write only the held-out model, to --output (no refit on every record)')
    .action(async (flags: { seed: number; records: string; kev: string; output: string; heldoutOutput?: string; fnCost: number; fpCost: number; refit: boolean; final: boolean }) => {
      if (!Number.isInteger(flags.seed)) throw new UsageError('--seed expects an integer');
      const kev = loadKevIds(need(flags.kev, 'KEV catalogue'));
      const records = await loadRecords(need(flags.records, 'CVE records'));
      const log = (l: string) => process.stderr.write(`${l}\n`);
      const result = trainExploitModel(records, kev, { seed: flags.seed, costs: { fn: flags.fnCost, fp: flags.fpCost }, refit: flags.refit, final: flags.final, log });
      const heldoutFile = result.final ? (flags.heldoutOutput ?? heldoutFileOf(flags.output)) : flags.output;
      writeArtifact(heldoutFile, result.artifact);
      process.stdout.write(renderEvaluation(result.test, `held-out model on the test months (${describeTest(result.artifact.training.split as TemporalSplit)})`));
      process.stdout.write(`wrote ${heldoutFile}\n`);
      if (result.final) {
        writeArtifact(flags.output, result.final);
        process.stdout.write(`wrote ${flags.output}: the same procedure refitted on every record through ${String(result.final.training.trainedThrough)} (not evaluated: the test months are in its training data)\n`);
      }
    });

  model
    .command('eval')
    .description('evaluate the model on the test months: ROC-AUC, PR-AUC, coverage/efficiency/effort, CVSS baselines, expected cost')
    .option('--model <file>', 'model artifact (default: the held-out model; the scoring model has seen the test months)', HELDOUT_MODEL_FILE)
    .option('--records <file>', 'CVE JSON 5 records, JSON lines (.gz)', CVE_RECORDS_FILE)
    .option('--kev <file>', 'CISA KEV catalogue (the label)', KEV_FILE)
    .option('--fn-cost <n>', 'cost of a missed exploited CVE', positiveNumber('--fn-cost'), 20)
    .option('--fp-cost <n>', 'cost of a false alarm', positiveNumber('--fp-cost'), 1)
    .option('--budget <share>', 'also show the decision flagging this share of CVEs (alert budget, 0-1)', positiveNumber('--budget'))
    .option('--bootstrap <n>', 'bootstrap resamples for the PR-AUC interval (0: none)', positiveNumber('--bootstrap'), 200)
    .option('--format <format>', 'table or json', 'table')
    .action(async (flags: { model: string; records: string; kev: string; fnCost: number; fpCost: number; budget?: number; bootstrap: number; format: string }) => {
      if (flags.budget !== undefined && flags.budget > 1) throw new UsageError('--budget is a share between 0 and 1');
      if (flags.format !== 'table' && flags.format !== 'json') throw new UsageError(`--format must be table or json, got "${flags.format}"`);
      if (flags.fnCost + flags.fpCost === 0) throw new UsageError('--fn-cost and --fp-cost cannot both be 0');
      const artifact = readArtifact(need(flags.model, 'model artifact'));
      const exploitModel = modelFromArtifact(artifact);
      const split = artifact.training.split as TemporalSplit;
      const kev = loadKevIds(need(flags.kev, 'KEV catalogue'));
      const test = await loadRecords(need(flags.records, 'CVE records'), (r) => (r.cveMetadata.state ?? 'PUBLISHED') === 'PUBLISHED' && partOf(r, split) === 'test');
      const costs: Costs = { fn: flags.fnCost, fp: flags.fpCost };
      const report = evaluate(
        test.map((r) => exploitProbability(exploitModel, r)),
        test.map((r) => (kev.has(r.cveMetadata.cveId) ? 1 : 0)),
        test.map(cvssBaseScore),
        costs,
        flags.budget,
        Math.floor(flags.bootstrap),
      );
      const trainedThrough = artifact.training.trainedThrough;
      const inSample = typeof trainedThrough === 'string' && trainedThrough >= split.testFrom;
      const note = inSample
        ? `warning: ${flags.model} was trained through ${trainedThrough}, test months included: these figures are in-sample, not a measurement`
        : `evaluated ${flags.model} (${artifact.name}, trained before ${split.testFrom}); the scoring model ${SHIPPED_MODEL_FILE} is the same procedure refitted on every record through ${scoringTrainedThrough()}, so its figures here would be in-sample`;
      if (flags.format === 'json') process.stdout.write(`${JSON.stringify({ artifact: flags.model, name: artifact.name, inSample, ...report }, null, 2)}\n`);
      else process.stdout.write(`${note}\n${renderEvaluation(report, `${artifact.name} on the test months (${describeTest(split)})`)}`);
    });

  model
    .command('score')
    .description('write {"cveId","probability"} per CVE JSON 5 record (JSON lines, plain or .gz), from the model alone')
    .requiredOption('--input <file>', 'CVE JSON 5 records, one per line (.gz accepted)')
    .option('--model <file>', 'model artifact', SHIPPED_MODEL_FILE)
    .action(async (flags: { input: string; model: string }) => {
      const exploitModel = modelFromArtifact(readArtifact(need(flags.model, 'model artifact')));
      const out: string[] = [];
      const flush = () => {
        if (out.length) process.stdout.write(`${out.join('\n')}\n`);
        out.length = 0;
      };
      const { errors } = await scoreFile(
        exploitModel,
        need(flags.input, 'input'),
        (line) => {
          out.push(line);
          if (out.length >= 1000) flush();
        },
        (err) => process.stderr.write(`tetrad: ${err.message}\n`),
      );
      flush();
      if (errors) process.exitCode = 2;
    });
}

/** The newest month the scoring model learnt, from its metadata (artifacts before session 3b do not say). */
function scoringTrainedThrough(): string {
  try {
    const through = readArtifact(SHIPPED_MODEL_FILE).training.trainedThrough;
    return typeof through === 'string' ? through : 'the test months';
  } catch {
    return 'the test months';
  }
}

function describeTest(split: TemporalSplit): string {
  return `published ${split.testFrom}${split.testUntil ? ` to before ${split.testUntil}` : ' onwards'}; validation ${split.validationFrom} to before ${split.testFrom}`;
}
