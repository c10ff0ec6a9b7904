import { describe, expect, it } from 'vitest';
import { isValidDate, parseDirectiveArgs, parseInlineDirectives } from './inline.js';

describe('parseInlineDirectives', () => {
  it('reads ids, a quoted reason with commas and an expiry, after # and //', () => {
    const text = [
      'resource "x" "y" {',
      '  # tetrad:ignore TET-PORTS-001 reason="bastion, reviewed" expires=2027-03-01',
      '  // tetrad:ignore TET-PORTS-001, TET-PORTS-002 reason=\'lab only\'',
      '  port = 22 # tetrad:ignore * reason=generated',
      '}',
    ].join('\n');
    const { directives, problems } = parseInlineDirectives(text, 'main.tf');
    expect(problems).toEqual([]);
    expect(directives).toEqual([
      { file: 'main.tf', line: 2, checks: ['TET-PORTS-001'], reason: 'bastion, reviewed', expires: '2027-03-01' },
      { file: 'main.tf', line: 3, checks: ['TET-PORTS-001', 'TET-PORTS-002'], reason: 'lab only' },
      { file: 'main.tf', line: 4, checks: ['*'], reason: 'generated' },
    ]);
  });

  it('keeps escaped quotes in a reason and handles CRLF line ends', () => {
    const { directives } = parseInlineDirectives('a: 1\r\n# tetrad:ignore TET-PASS-001 reason="the \\"demo\\" key"\r\n', 'x.yaml');
    expect(directives).toEqual([{ file: 'x.yaml', line: 2, checks: ['TET-PASS-001'], reason: 'the "demo" key' }]);
  });

  it('returns a directive without a reason (the caller refuses to apply it)', () => {
    const { directives, problems } = parseInlineDirectives('# tetrad:ignore TET-PRIV-001', 'Dockerfile');
    expect(problems).toEqual([]);
    expect(directives).toEqual([{ file: 'Dockerfile', line: 1, checks: ['TET-PRIV-001'] }]);
  });

  it('reports malformed directives with file and line, and does not return them', () => {
    const text = [
      '# tetrad:ignore reason="no id"',
      '# tetrad:ignore TET-PRIV-001 reason="x" until=2027-01-01',
      '# tetrad:ignore TET-PRIV-001 reason="x" expires=2027-02-30',
      '# tetrad:ignore TET-PRIV-001 TET-PRIV-002 reason="x"',
      '# tetrad:ignore TET-PRIV-001 reason="unterminated',
    ].join('\n');
    const { directives, problems } = parseInlineDirectives(text, 'k.yaml');
    expect(directives).toEqual([]);
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['k.yaml:1', 'k.yaml:2', 'k.yaml:3', 'k.yaml:4', 'k.yaml:5']);
    expect(problems[0]!.message).toMatch(/needs a check id/);
    expect(problems[1]!.message).toMatch(/unknown key "until"/);
    expect(problems[2]!.message).toMatch(/YYYY-MM-DD/);
    expect(problems[3]!.message).toMatch(/separated by commas/);
  });

  it('ignores the keyword outside a # or // comment', () => {
    const text = ['name: tetrad:ignore', '/* tetrad:ignore TET-PRIV-001 reason="block comment" */', 'url: http://x/tetrad:ignore'].join('\n');
    expect(parseInlineDirectives(text, 'a.yaml')).toEqual({ directives: [], problems: [] });
  });
});

describe('parseDirectiveArgs', () => {
  it('splits ids from key=value pairs', () => {
    expect(parseDirectiveArgs(' TET-A-1,TET-B-2 reason="r" expires=2030-01-01 ')).toEqual({
      checks: ['TET-A-1', 'TET-B-2'],
      pairs: { reason: 'r', expires: '2030-01-01' },
      problems: [],
    });
  });
});

describe('isValidDate', () => {
  it('accepts real calendar days only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2027-3-1')).toBe(false);
    expect(isValidDate('tomorrow')).toBe(false);
  });
});
