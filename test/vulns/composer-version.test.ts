import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchAffected } from '../../src/vulns/match.js';
import { composer, InvalidVersionError, schemeFor } from '../../src/vulns/versions/index.js';
import { normalizeComposer, phpVersionCompare } from '../../src/vulns/versions/composer.js';

function expectAscending(versions: string[]): void {
  for (let i = 0; i < versions.length; i++)
    for (let j = 0; j < versions.length; j++)
      expect([versions[i], versions[j], composer.compare(versions[i]!, versions[j]!)]).toEqual([versions[i], versions[j], Math.sign(i - j)]);
}

describe('Composer version normalisation (VersionParser::normalize)', () => {
  // expected values follow Composer's documented normalisation rules
  const cases: [string, string][] = [
    ['1.0.0', '1.0.0.0'],
    ['1.2.3.4', '1.2.3.4'],
    ['v1.0.0', '1.0.0.0'],
    ['0', '0.0.0.0'],
    ['1.0.0RC1dev', '1.0.0.0-RC1-dev'],
    ['1.0.0-rC15-dev', '1.0.0.0-RC15-dev'],
    ['1.0.0.RC.15-dev', '1.0.0.0-RC15-dev'],
    ['1.0.0-rc1', '1.0.0.0-RC1'],
    ['1.0.0-pl3', '1.0.0.0-patch3'],
    ['1.0.0p3', '1.0.0.0-patch3'],
    ['1.0-dev', '1.0.0.0-dev'],
    ['10.4.13-beta', '10.4.13.0-beta'],
    ['10.4.13beta2', '10.4.13.0-beta2'],
    ['10.4.13beta.2', '10.4.13.0-beta2'],
    ['10.4.13-b', '10.4.13.0-beta'],
    ['v1.13.11-beta.0', '1.13.11.0-beta0'],
    ['1.0.0-stable', '1.0.0.0'],
    ['1.0.0-beta.5+foo', '1.0.0.0-beta5'],
    ['1.0.0-alpha.3.1+foo', '1.0.0.0-alpha3.1'],
    ['1.0.0-alpha-2.1-3+foo', '1.0.0.0-alpha2.1-3'],
    ['1.0.0+foo as 2.0', '1.0.0.0'],
    ['1.0.0@dev', '1.0.0.0'],
    // a major of up to five digits is classical; longer numbers are dates
    ['2010.01', '2010.01.0.0'],
    ['2010.01.02', '2010.01.02.0'],
    ['v20100102', '20100102'],
    ['2010-01-02', '2010.01.02'],
    ['2010-01-02.5', '2010.01.02.5'],
    ['20100102-203040', '20100102.203040'],
    ['20100102-203040-p1', '20100102.203040-patch1'],
    // numeric branches
    ['1.x-dev', '1.9999999.9999999.9999999-dev'],
    ['2.1.*-dev', '2.1.9999999.9999999-dev'],
    ['v3.X-dev', '3.9999999.9999999.9999999-dev'],
  ];
  it.each(cases)('%s → %s', (input, want) => {
    expect(normalizeComposer(input)).toEqual({ kind: 'version', normalized: want });
  });

  it('keeps branch names as branches', () => {
    expect(normalizeComposer('dev-master')).toEqual({ kind: 'branch', name: 'dev-master' });
    expect(normalizeComposer('master')).toEqual({ kind: 'branch', name: 'dev-master' });
    expect(normalizeComposer('trunk')).toEqual({ kind: 'branch', name: 'dev-trunk' });
    expect(normalizeComposer('DEV-FOOBAR')).toEqual({ kind: 'branch', name: 'dev-FOOBAR' });
    expect(normalizeComposer('dev-feature/x-y as 2.0.x-dev')).toEqual({ kind: 'branch', name: 'dev-feature/x-y' });
  });

  it('rejects what Composer rejects', () => {
    for (const bad of ['', 'a', '1.0.0-meh', '1.0.0.0.0', '1.0.0+foo bar', 'feature-foo', 'feature-dev', '1.0.0-dev<1.0.5-dev', 'dev-', 'dev-foo bar', 'Master']) {
      expect([bad, normalizeComposer(bad)]).toEqual([bad, undefined]);
      expect(composer.isValid(bad)).toBe(false);
    }
  });
});

describe('Composer ordering', () => {
  it('orders stabilities dev < alpha < beta < RC < stable < patch', () => {
    expectAscending([
      '1.0.0-dev',
      '1.0.0-alpha',
      '1.0.0-alpha1',
      '1.0.0-alpha2',
      '1.0.0-beta',
      '1.0.0-beta2',
      '1.0.0-beta10',
      '1.0.0-RC1',
      '1.0.0-RC2-dev',
      '1.0.0-RC2',
      '1.0.0',
      '1.0.0-patch1',
      '1.0.0-patch2',
      '1.0.0.1-dev',
      '1.0.0.1',
      '1.0.1',
      '1.0.10',
      '1.1',
      '1.99.0',
      '1.x-dev',
      '2.0.0-dev',
      '2.0.0',
      '2010.01.02',
    ]);
  });
  it('treats spellings of one version as equal', () => {
    const groups = [
      ['v1.0', '1.0.0', '1.0.0.0', '1.0.0+build.7', '1.0.0-stable', 'V1.0.0'],
      ['1.0.0-b2', '1.0.0-beta2', '1.0.0beta.2', '1.0.0.beta-2', '1.0.0-BETA2'],
      ['1.0-pl1', '1.0.0-patch1', '1.0.0p1', '1.0.0.0-p1'],
      ['1.2.0-rc.1', '1.2.0RC1', 'v1.2-rc1'],
    ];
    for (const g of groups) for (const a of g) for (const b of g) expect([a, b, composer.compare(a, b)]).toEqual([a, b, 0]);
  });
  it('a fourth numeric part counts', () => {
    expect(composer.compare('1.2.3.4', '1.2.3')).toBe(1);
    expect(composer.compare('1.2.3.4', '1.2.4')).toBe(-1);
  });
  it('does not order branch names against versions', () => {
    expect(composer.isValid('dev-master')).toBe(false);
    expect(() => composer.compare('dev-master', '1.0.0')).toThrow(InvalidVersionError);
  });
  it('reproduces PHP version_compare on its documented examples', () => {
    expect(phpVersionCompare('5.2', '5.2.0')).toBe(-1);
    expect(phpVersionCompare('1.0rc1', '1.0')).toBe(-1);
    expect(phpVersionCompare('1.0', '1.0.0')).toBe(-1);
    expect(phpVersionCompare('1.0pl1', '1.0')).toBe(1);
    expect(phpVersionCompare('1.0-dev', '1.0a1')).toBe(-1);
    expect(phpVersionCompare('1.0b1', '1.0RC1')).toBe(-1);
    expect(phpVersionCompare('1.0.0', '1.0.0')).toBe(0);
    expect(phpVersionCompare('1.0', '')).toBe(1);
  });
  it('is the scheme of the Packagist ecosystem', () => {
    expect(schemeFor('Packagist')).toBe(composer);
  });
  it('matches an OSV Packagist range (composer.lock versions keep or drop the v)', () => {
    const entry = {
      package: { ecosystem: 'Packagist', name: 'guzzlehttp/guzzle' },
      ranges: [{ type: 'ECOSYSTEM' as const, events: [{ introduced: '7.0.0' }, { fixed: '7.4.5' }] }],
    };
    const at = (version: string) => matchAffected(entry, { ecosystem: 'Packagist', name: 'guzzlehttp/guzzle', version });
    expect(at('7.4.4')).toMatchObject({ affected: true, fixed: ['7.4.5'] });
    expect(at('v7.4.4')).toMatchObject({ affected: true });
    expect(at('7.4.5-RC1')).toMatchObject({ affected: true });
    expect(at('7.4.5')).toEqual({ affected: false });
    expect(at('7.4.5-patch1')).toEqual({ affected: false });
    expect(at('6.5.8')).toEqual({ affected: false });
    const branch = at('dev-master');
    expect(branch.affected).toBe('unknown');
  });
});

const part = fc.constantFrom('0', '1', '2', '10', '01');
const composerVersion = fc
  .tuple(
    fc.constantFrom('', 'v'),
    fc.array(part, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', '-dev', '-alpha', 'a', '-beta', '.b', '-RC', 'rc', '-patch', 'pl', '-p', '-stable'),
    fc.constantFrom('', '1', '2', '.3', '10'),
    fc.constantFrom('', '-dev', '+build1'),
  )
  .map(([v, nums, mod, n, tail]) => v + nums.join('.') + mod + (mod && mod !== '-dev' ? n : '') + tail)
  .filter((s) => composer.isValid(s));
const numericBranch = fc.tuple(fc.constantFrom('0', '1', '2'), fc.constantFrom('.x', '.1.x', '.*', '')).map(([a, b]) => `${a}${b}-dev`);

describe('Composer properties', () => {
  it('reflexive, antisymmetric and transitive', () => {
    const valid = fc.oneof({ weight: 5, arbitrary: composerVersion }, { weight: 1, arbitrary: numericBranch });
    fc.assert(
      fc.property(valid, valid, valid, (a, b, c) => {
        expect(composer.compare(a, a)).toBe(0);
        expect(composer.compare(a, b) + composer.compare(b, a)).toBe(0);
        const [x, y, z] = [a, b, c].sort((p, q) => composer.compare(p, q));
        expect(composer.compare(x!, y!)).toBeLessThanOrEqual(0);
        expect(composer.compare(y!, z!)).toBeLessThanOrEqual(0);
        expect(composer.compare(x!, z!)).toBeLessThanOrEqual(0);
        if (composer.compare(x!, y!) === 0 && composer.compare(y!, z!) === 0) expect(composer.compare(x!, z!)).toBe(0);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 3000) },
    );
  });
});
