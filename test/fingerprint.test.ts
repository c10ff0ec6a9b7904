import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/checks/engine/fingerprint.js';

describe('finding fingerprints', () => {
  it('stay the sha256 of the NUL-joined parts, cut to 32 hex digits (stable across releases)', () => {
    expect(fingerprint({ checkId: 'TET-PORTS-001', resourceId: 'aws_security_group.web', file: 'main.tf', key: 'ingress[0]' })).toBe(
      createHash('sha256').update('TET-PORTS-001\u0000aws_security_group.web\u0000main.tf\u0000ingress[0]').digest('hex').slice(0, 32),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.option(fc.string(), { nil: undefined }), (checkId, resourceId, file, key) => {
        const expected = createHash('sha256').update([checkId, resourceId, file, key ?? ''].join('\u0000')).digest('hex').slice(0, 32);
        expect(fingerprint({ checkId, resourceId, file, key })).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
