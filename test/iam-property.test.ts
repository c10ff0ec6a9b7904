/**
 * Differential sanity of the IAM engine: a principal with AdministratorAccess
 * (from the managed-policy catalogue) can do anything, except what an SCP or
 * a permissions boundary removes; a Deny anywhere always wins.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy, type PolicyDocument } from '../src/checks/_lib/iam-policy.js';
import { RequestContext } from '../src/graph/iam/context.js';
import { evaluate } from '../src/graph/iam/evaluate.js';
import { managedPolicy } from '../src/graph/iam/managed-policies.js';
import type { EvalPolicy } from '../src/graph/iam/types.js';

const services = ['s3', 'ec2', 'iam', 'lambda', 'kms', 'sts', 'dynamodb', 'organizations'];
const verb = fc.constantFrom('Get', 'List', 'Put', 'Create', 'Delete', 'Describe', 'Update', 'Attach');
const noun = fc.constantFrom('Object', 'Bucket', 'User', 'Role', 'Policy', 'Function', 'Key', 'Instances');
const action = fc.tuple(fc.constantFrom(...services), verb, noun).map(([s, v, n]) => `${s}:${v}${n}`);
const resource = fc.oneof(
  fc.constant('*'),
  fc.tuple(fc.constantFrom(...services), fc.stringMatching(/^[a-z0-9/-]{1,12}$/)).map(([s, r]) => `arn:aws:${s}:eu-west-1:111122223333:${r}`),
);

function doc(d: unknown): PolicyDocument {
  const p = parsePolicy(d as never);
  if (p.kind !== 'document') throw new Error('bad document');
  return p.document;
}

const admin = managedPolicy('arn:aws:iam::aws:policy/AdministratorAccess');

describe('AdministratorAccess, SCPs and boundaries (property)', () => {
  it('the catalogue has AdministratorAccess', () => {
    expect(admin?.document).toBeDefined();
  });

  it('an admin can do any action on any resource without limits', () => {
    fc.assert(
      fc.property(action, resource, (a, r) => {
        const d = evaluate({ principal: { kind: 'role', arn: 'arn:aws:iam::111122223333:role/admin' }, action: a, resource: r, context: new RequestContext() }, { identity: [{ name: 'AdministratorAccess', kind: 'identity', document: admin!.document! }] });
        expect(d.decision).toBe('allowed');
      }),
      { numRuns: 300 },
    );
  });

  it('SCP denies and boundary allow lists remove exactly what they remove', () => {
    fc.assert(
      fc.property(action, resource, fc.subarray(services), fc.subarray(services, { minLength: 1 }), fc.boolean(), (a, r, scpDenied, boundaryServices, caseFlip) => {
        const scps: EvalPolicy[] = [
          { name: 'FullAWSAccess', kind: 'scp', level: 0, document: doc({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) },
          ...(scpDenied.length ? [{ name: 'deny', kind: 'scp' as const, level: 0, document: doc({ Statement: [{ Effect: 'Deny', Action: scpDenied.map((s) => `${caseFlip ? s.toUpperCase() : s}:*`), Resource: '*' }] }) }] : []),
        ];
        const boundary: EvalPolicy[] = [{ name: 'boundary', kind: 'boundary', document: doc({ Statement: [{ Effect: 'Allow', Action: boundaryServices.map((s) => `${s}:*`), Resource: '*' }] }) }];
        const d = evaluate({ principal: { kind: 'user', arn: 'arn:aws:iam::111122223333:user/root-ish' }, action: a, resource: r, context: new RequestContext() }, { identity: [{ name: 'AdministratorAccess', kind: 'identity', document: admin!.document! }], scps, boundary });
        const service = a.split(':')[0]!;
        const expected = scpDenied.includes(service) ? 'denied' : boundaryServices.includes(service) ? 'allowed' : 'denied';
        expect(d.decision).toBe(expected);
        if (scpDenied.includes(service)) expect(d.reason).toBe('explicit-deny');
      }),
      { numRuns: 500 },
    );
  });

  it('a Deny on an action in any layer always wins over any Allow', () => {
    const layers = ['identity', 'boundary', 'scp', 'session', 'resource'] as const;
    fc.assert(
      fc.property(action, fc.constantFrom(...layers), (a, layer) => {
        const deny: EvalPolicy = { name: 'deny', kind: layer, level: 0, document: doc({ Statement: [{ Effect: 'Deny', Principal: '*', Action: a.toLowerCase(), Resource: '*' }] }) };
        const allowAll = (kind: EvalPolicy['kind']): EvalPolicy => ({ name: `allow-${kind}`, kind, level: 0, document: doc({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }) });
        const set = {
          identity: [allowAll('identity'), ...(layer === 'identity' ? [deny] : [])],
          boundary: [allowAll('boundary'), ...(layer === 'boundary' ? [deny] : [])],
          scps: [allowAll('scp'), ...(layer === 'scp' ? [deny] : [])],
          session: [allowAll('session'), ...(layer === 'session' ? [deny] : [])],
          resource: [allowAll('resource'), ...(layer === 'resource' ? [deny] : [])],
        };
        const d = evaluate({ principal: { kind: 'role', arn: 'arn:aws:iam::111122223333:role/x' }, action: a, resource: '*', context: new RequestContext() }, set);
        expect(d.decision).toBe('denied');
        expect(d.reason).toBe('explicit-deny');
      }),
      { numRuns: 200 },
    );
  });
});
