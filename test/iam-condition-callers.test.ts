import { describe, expect, it } from 'vitest';
import { Unknown } from '../src/model/index.js';
import { conditionRestrictsCallers } from '../src/checks/_lib/iam-policy.js';

describe('conditionRestrictsCallers', () => {
  it('does not count tests on headers the caller writes (aws:Referer, aws:UserAgent), in any case', () => {
    expect(conditionRestrictsCallers({ StringLike: { 'aws:Referer': ['https://example.com/*'] } })).toBe(false);
    expect(conditionRestrictsCallers({ StringEquals: { 'AWS:UserAgent': 'app/1.0' }, StringLike: { 'aws:referer': 'x' } })).toBe(false);
    // Terraform condition blocks
    expect(conditionRestrictsCallers([{ test: 'StringLike', variable: 'aws:Referer', values: ['https://example.com/*'] }])).toBe(false);
  });

  it('counts any other test, an unresolved condition, and an empty or unreadable one as restricting', () => {
    expect(conditionRestrictsCallers(undefined)).toBe(false);
    expect(conditionRestrictsCallers({ StringLike: { 'aws:Referer': 'x' }, StringEquals: { 'aws:SourceVpce': 'vpce-1' } })).toBe(true);
    expect(conditionRestrictsCallers({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })).toBe(true);
    expect(conditionRestrictsCallers(new Unknown('unresolved variable', 'var.cond'))).toBe(true);
    expect(conditionRestrictsCallers({})).toBe(true);
  });
});
