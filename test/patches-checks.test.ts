/**
 * Behaviour of the patch checks over time: the same configuration is judged
 * on the pinned "today" (setEolToday / TETRAD_TODAY), and versions only in
 * paid extended support are reported at lower severity.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Resource, ValueObject } from '../src/model/index.js';
import { unknown } from '../src/model/index.js';
import { createCheckContext } from '../src/checks/engine/context.js';
import { setEolToday } from '../src/checks/_lib/eol.js';
import lambdaRuntime from '../src/checks/patches/lambda-deprecated-runtime.js';
import rdsEngine from '../src/checks/patches/rds-engine-end-of-support.js';
import eksVersion from '../src/checks/patches/eks-version-end-of-support.js';
import { scan } from '../src/scan/scan.js';

afterEach(() => {
  setEolToday();
  delete process.env.TETRAD_TODAY;
});

function resource(type: string, attributes: ValueObject, source = 'terraform'): Resource {
  return { id: `${type}.x`, type, provider: 'aws', source, name: 'x', attributes, location: { file: 'main.tf', startLine: 1, endLine: 5 }, attributeLocations: {}, references: [] };
}

describe('patch checks over time', () => {
  it('flags a Lambda runtime only from its deprecation day on', () => {
    const ctx = createCheckContext([resource('aws_lambda_function', { runtime: 'nodejs20.x' })]);
    setEolToday('2026-04-29');
    expect(lambdaRuntime.run(ctx)).toEqual([]);
    setEolToday('2026-04-30');
    expect(lambdaRuntime.run(ctx).map((f) => f.message)).toEqual(['runtime nodejs20.x reached end of life on 2026-04-30']);
  });

  it('lowers severity while a version is in paid extended support', () => {
    const ctx = createCheckContext([resource('aws_db_instance', { engine: 'mysql', engine_version: '5.7.44' })]);
    setEolToday('2024-01-01');
    expect(rdsEngine.run(ctx)).toEqual([]);
    setEolToday('2025-01-01');
    expect(rdsEngine.run(ctx)[0].severity).toBe('medium');
    setEolToday('2027-03-01');
    const [f] = rdsEngine.run(ctx);
    expect(f.severity).toBeUndefined();
    expect(f.message).toContain('end of extended support on 2027-02-28');
  });

  it('stays silent on unknown values and reads numbers written by YAML', () => {
    setEolToday('2026-11-30');
    const unknownRuntime = createCheckContext([resource('aws_lambda_function', { runtime: unknown('variable without a value', 'var.runtime') })]);
    expect(lambdaRuntime.run(unknownRuntime)).toEqual([]);
    const unknownVersion = createCheckContext([resource('aws_db_instance', { engine: 'postgres', engine_version: unknown('computed') })]);
    expect(rdsEngine.run(unknownVersion)).toEqual([]);
    // CloudFormation `Version: 1.30` parses as the number 1.3
    const cfn = createCheckContext([resource('AWS::EKS::Cluster', { Version: 1.3 }, 'cloudformation')]);
    expect(eksVersion.run(cfn).map((f) => f.message)).toEqual(['EKS Kubernetes version 1.30 reached end of standard support on 2025-07-23 and end of extended support on 2026-07-23']);
  });

  it('honours TETRAD_TODAY for a whole scan', async () => {
    const fixture = join(import.meta.dirname, '../src/checks/patches/lambda-deprecated-runtime.fixtures/fail/main.tf');
    process.env.TETRAD_TODAY = '2022-01-01';
    const early = await scan([fixture], { checks: [lambdaRuntime] });
    expect(early.findings.map((f) => f.resource.id)).toEqual(['aws_lambda_function.py']);
    process.env.TETRAD_TODAY = '2024-01-01';
    const later = await scan([fixture], { checks: [lambdaRuntime] });
    expect(later.findings.map((f) => f.resource.id).sort()).toEqual(['aws_lambda_function.legacy', 'aws_lambda_function.py']);
  });
});

describe('robustness', () => {
  it('no patch check throws on arbitrary attribute shapes, unknowns included', async () => {
    const fc = (await import('fast-check')).default;
    const { loadBuiltinChecks } = await import('../src/checks/engine/builtin.js');
    const checks = (await loadBuiltinChecks()).filter((c) => c.meta.pillar === 'patches');
    const types = [...new Set(checks.flatMap((c) => c.meta.resourceTypes ?? []))];
    const leaf = fc.oneof(fc.string(), fc.constantFrom('python2.7', '5.7', '1.24', 'none', 'None', 'false', 'node:14', 'redis', 'UNSPECIFIED', 'OpenSearch_1.1'), fc.double(), fc.boolean(), fc.constant(null), fc.constant(unknown('fuzz')));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('runtime', 'engine', 'engine_version', 'version', 'site_config', 'application_stack', 'containers', 'image', 'spec', 'template', 'stages', 'from', 'setting', 'management', 'auto_upgrade', 'container_definitions', 'Runtime', 'EngineVersion', 'x'), tie('value'), { maxKeys: 4 })),
    }));
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.constantFrom('terraform', 'terraform-plan', 'cloudformation', 'kubernetes', 'dockerfile'), fc.dictionary(fc.string(), value, { maxKeys: 5 }), (type, source, attributes) => {
        const ctx = createCheckContext([resource(type, attributes as ValueObject, source)]);
        for (const c of checks) c.run(ctx);
      }),
      { numRuns: 300 },
    );
  });
});

describe('gcpRuntimeLanguage', () => {
  it('reads GCP runtime ids', async () => {
    const { gcpRuntimeLanguage } = await import('../src/checks/patches/gcp-serverless-runtime-end-of-life.js');
    expect(gcpRuntimeLanguage('python37')).toEqual({ language: 'python', version: '3.7' });
    expect(gcpRuntimeLanguage('python312')).toEqual({ language: 'python', version: '3.12' });
    expect(gcpRuntimeLanguage('nodejs20')).toEqual({ language: 'node', version: '20' });
    expect(gcpRuntimeLanguage('go121')).toEqual({ language: 'go', version: '1.21' });
    expect(gcpRuntimeLanguage('dotnet3')).toEqual({ language: 'dotnet', version: '3.1' });
    expect(gcpRuntimeLanguage('ruby32')).toEqual({ language: 'ruby', version: '3.2' });
    expect(gcpRuntimeLanguage('java17')).toBeUndefined();
    expect(gcpRuntimeLanguage('custom')).toBeUndefined();
  });
});
