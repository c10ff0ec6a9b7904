/**
 * Password checks read attributes whose shape they do not control: Unknown
 * values anywhere, strings where blocks were expected, lists where maps were.
 * Property test: whatever the attributes of a resource of a type a check
 * looks at, the check returns findings (possibly none) and never throws, and
 * every finding points at the resource and shows none of the planted
 * secrets beyond the two characters a mask may show.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltinChecks } from '../src/checks/engine/builtin.js';
import { createCheckContext } from '../src/checks/engine/context.js';
import { unknown, type Resource, type Value } from '../src/model/index.js';

const KEYS = ['password', 'master_password', 'MasterUserPassword', 'admin_password', 'environment', 'variables', 'env', 'name', 'value', 'data', 'stringData',
  'user_data', 'UserData', 'advanced_security_options', 'enabled', 'auth_token', 'disable_password_authentication', 'container_definitions', 'stages',
  'instructions', 'runCommands', 'args', 'key', 'default', 'command', 'spec', 'containers', 'template', 'minimum_password_length', 'user', 'os_profile', 'token'];

const leaf: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom<Value>(null, true, false, 0, 14, '', 'changeme', 'AKIAZ7QX3K2LM4NOPQRS', 'postgres://u:Pw-123456@h/db', '${var.x}', 'true', '[{"environment":[{"name":"DB_PASSWORD","value":"x"}]}]'),
  fc.string(),
  fc.integer().map((n) => n as Value),
  fc.constant(unknown('property test') as Value),
);
const tree: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 4 })),
})).v;

describe('password checks on arbitrary attribute shapes', () => {
  it('never throw', async () => {
    const checks = (await loadBuiltinChecks()).filter((c) => c.meta.pillar === 'passwords');
    const types = [...new Set(checks.flatMap((c) => c.meta.resourceTypes ?? []))].concat(['Dockerfile', 'ConfigMap', 'Secret', 'provider.aws', 'aws_ssm_parameter']);
    const sources = ['terraform', 'terraform-plan', 'cloudformation', 'kubernetes', 'dockerfile'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), fc.constantFrom(...sources), fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 6 }), async (type, source, attributes) => {
        const r: Resource = { id: `${type}.x`, type, provider: 'generic', source, name: 'x', attributes: attributes as Record<string, Value>, location: { file: 'f', startLine: 1, endLine: 1 }, attributeLocations: {}, references: [] };
        const ctx = createCheckContext([r]);
        for (const check of checks) {
          const drafts = check.run(ctx);
          for (const d of drafts) {
            expect(d.resource).toBe(r);
            expect(`${d.message} ${d.evidence ?? ''}`).not.toMatch(/Pw-123456|Z7QX3K2LM4|hangeme/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
