/**
 * Property test: the privileges checks never throw, whatever shape the
 * attributes take (lists where objects are expected, Unknowns anywhere,
 * strings for numbers...). A throwing check loses every finding it would
 * have made in the scan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinCheckFiles } from '../src/checks/engine/builtin.js';
import { createCheckContext } from '../src/checks/engine/context.js';
import type { Check } from '../src/checks/engine/types.js';
import { lineRange, unknown, type Resource, type Value } from '../src/model/index.js';

const files = builtinCheckFiles().filter((f) => basename(dirname(f)) === 'privileges');

const KEYS = ['spec', 'template', 'containers', 'securityContext', 'runAsUser', 'runAsNonRoot', 'capabilities', 'add', 'volumes', 'hostPath', 'path', 'rules', 'verbs', 'resources', 'roleRef', 'name', 'subjects', 'policy', 'Statement', 'Effect', 'Action', 'Resource', 'Principal', 'AWS', 'Condition', 'metadata_options', 'http_tokens', 'stages', 'finalStage', 'user', 'statement', 'actions', 'principals', 'type', 'identifiers', 'members', 'member', 'role', 'service_account', 'scopes', 'permissions', 'acl', 'grant', 'PolicyDocument', 'ManagedPolicyArns', 'container_definitions', 'container', 'security_context'];

const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Value>(null, true, false, 0, 1000, '*', '0', 'root', 'true', 'Allow', 'sts:AssumeRole', 'Unconfined', '/', 'cluster-admin', 'roles/owner', 'allUsers', '{"Statement":"x"}', '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Principal":"*"}]}'),
    fc.string({ maxLength: 8 }),
    fc.constant(unknown('generated', 'var.x') as Value),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 5 }),
  ),
})).v;

describe('privileges checks are total', async () => {
  const checks: Check[] = [];
  for (const f of files) checks.push(((await import(pathToFileURL(f).href)) as { default: Check }).default);

  it('finds the privileges checks', () => expect(checks.length).toBeGreaterThan(20));

  for (const check of checks) {
    const types = [...(check.meta.resourceTypes ?? []), 'Pod', 'Deployment', 'CronJob', 'Dockerfile', 'kubernetes_deployment', 'data.aws_iam_policy_document'];
    it(`${check.meta.id} never throws on arbitrary attributes`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...types), fc.constantFrom(...check.meta.sources), fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }), (type, source, attributes) => {
          const r: Resource = { id: `${type}.x`, type, provider: 'generic', source, name: 'x', attributes, location: lineRange('f', 1), attributeLocations: {}, references: [] };
          check.run(createCheckContext([r]));
        }),
        { numRuns: 300 },
      );
    });
  }
});
