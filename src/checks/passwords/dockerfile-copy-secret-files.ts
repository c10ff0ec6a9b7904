import { basename } from 'node:path';
import { minimatch } from 'minimatch';
import { z } from 'zod';
import { loadCatalogue } from '../_lib/catalogue.js';
import { dockerfiles, stageList, stagesOf } from '../_lib/dockerfile-stages.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const schema = z.object({ secret: z.array(z.string()), 'not-secret': z.array(z.string()) });

/** The source operands of COPY/ADD: every operand but the last (the destination), JSON or shell form. */
export function copySources(args: string, exec: unknown): string[] {
  const operands = Array.isArray(exec) ? exec.filter((x): x is string => typeof x === 'string') : args.split(/\s+/).filter(Boolean);
  return operands.slice(0, -1);
}

export function isSecretFile(path: string): boolean {
  const data = loadCatalogue('passwords/secret-files.yaml', schema);
  const name = basename(path.replace(/\/+$/, ''));
  const opts = { nocase: true, dot: true };
  if (data['not-secret'].some((g) => minimatch(name, g, opts))) return false;
  return data.secret.some((g) => minimatch(name, g, opts)) || /(^|\/)\.ssh\/?$/.test(path.replace(/\/+$/, '') + '/') || /(^|\/)\.aws\/credentials$/.test(path);
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-021',
    title: 'Dockerfile copies a private key or credentials file into the image',
    pillar: 'passwords',
    severity: 'high',
    description:
      '`COPY` or `ADD` puts an SSH or TLS private key (`id_rsa`, `*.key`, `*.p12`), a `.env` file, a `.npmrc` / `.pypirc` / `.netrc` with registry tokens, cloud credentials or a Terraform state into an image layer. Deleting it in a later step does not remove it from the layer: anyone who can pull the image can extract it.',
    remediation:
      'Do not copy credentials into the build context or the image: use `RUN --mount=type=secret` or `--mount=type=ssh` for build-time access, list such files in `.dockerignore`, and provide run-time secrets from the orchestrator. Rotate any key that was shipped in an image.',
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/build/concepts/context/#dockerignore-files'],
    compliance: { 'cis-docker': ['4.10'], 'nist-800-53': ['IA-5(7)', 'SC-12'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      for (const s of stagesOf(r)) {
        for (const { entry, path } of stageList(s, 'instructions')) {
          const keyword = typeof entry.keyword === 'string' ? entry.keyword.toUpperCase() : '';
          if (keyword !== 'COPY' && keyword !== 'ADD') continue;
          const files = copySources(typeof entry.args === 'string' ? entry.args : '', entry.exec).filter(isSecretFile);
          if (files.length === 0) continue;
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            message: `${keyword} puts ${files.map((f) => `"${f}"`).join(', ')} into the image`,
            evidence: `${keyword} ${files.join(' ')}`,
          });
        }
      }
    }
    return out;
  },
});
