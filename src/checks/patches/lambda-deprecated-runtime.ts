import { isUnknown } from '../../model/index.js';
import { lambdaRuntime } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TARGETS: Array<{ types: string[]; sources: readonly string[]; path: string }> = [
  { types: ['aws_lambda_function'], sources: TERRAFORM_SOURCES, path: 'runtime' },
  { types: ['AWS::Lambda::Function', 'AWS::Serverless::Function'], sources: ['cloudformation'], path: 'Runtime' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-001',
    title: 'Lambda function uses a deprecated runtime',
    pillar: 'patches',
    severity: 'high',
    description:
      'After a Lambda runtime is deprecated AWS stops applying security patches to its language runtime and operating system, and the function loses technical support. A function that handles untrusted events keeps every vulnerability found after that date.',
    remediation: 'Move the function to a supported runtime identifier (for example `python3.13`, `nodejs22.x`, `java21`), test it, and redeploy.',
    references: [
      'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
      'https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_lambda_function', 'AWS::Lambda::Function', 'AWS::Serverless::Function'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const runtime = readText(r, t.path);
        if (runtime === undefined || isUnknown(runtime)) continue;
        const v = lambdaRuntime(runtime);
        const f = v && versionFinding(r, t.path, 'runtime', runtime, v);
        if (f) out.push(f);
      }
    }
    return out;
  },
});
