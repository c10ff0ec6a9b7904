/**
 * End to end over Terraform: an account shaped like the public
 * vulnerable-by-design escalation corpora (one principal per technique, names
 * starting with esc- for the exploitable ones and trap- for the look-alikes
 * that are not), read by the Terraform source, modelled and searched.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/scan/scan.js';
import { escalatingPaths, escalationOf } from '../src/graph/iam/escalation/index.js';

describe('escalation over a Terraform account', () => {
  it('reports every esc- principal with the expected technique and no trap- principal', async () => {
    const { resources, errors } = await loadModel([join(import.meta.dirname, 'iam-escalation-terraform')]);
    expect(errors.filter((e) => e.kind === 'parse')).toEqual([]);
    const { result } = escalationOf(resources, { account: '111122223333', now: new Date('2026-11-30T12:00:00Z') });
    const got = Object.fromEntries(escalatingPaths(result).map((p) => [p.principal.name, `${p.certainty} ${p.edges.map((e) => e.technique).join(' ')}`]));
    expect(got).toEqual({
      'esc-old-token-ok-user': 'proven create-policy-version',
      'esc-not-action-user': 'proven put-user-policy',
      'esc-chain-user': 'proven assume-role assume-role administrator',
      'esc-chain-start': 'proven assume-role administrator',
      'esc-passrole-lambda-user': 'proven passrole-lambda-invoke administrator',
      'esc-update-code-user': 'proven lambda-update-function-code administrator',
      'esc-update-login-profile-user': 'proven update-login-profile administrator',
    });
    // the unresolved trust principal (a variable) is taken to be outside the scanned principals
    const trap = result.edges.filter((e) => e.to.includes('trap-aws-managed-only-role'));
    expect(trap).toEqual([]);
  });
});
