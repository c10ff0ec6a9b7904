import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apk,
  dpkg,
  InvalidVersionError,
  maven,
  nuget,
  pep440,
  rpm,
  rubygems,
  schemeFor,
  semver,
  type VersionScheme,
} from '../../src/vulns/versions/index.js';

/** Each list is strictly increasing. */
function expectAscending(scheme: VersionScheme, versions: string[]): void {
  for (let i = 0; i < versions.length; i++) {
    for (let j = 0; j < versions.length; j++) {
      const want = Math.sign(i - j);
      expect([versions[i], versions[j], scheme.compare(versions[i]!, versions[j]!)]).toEqual([
        versions[i],
        versions[j],
        want,
      ]);
    }
  }
}

function expectEqual(scheme: VersionScheme, versions: string[]): void {
  for (const a of versions) for (const b of versions) expect([a, b, scheme.compare(a, b)]).toEqual([a, b, 0]);
}

describe('dpkg', () => {
  it('orders epochs, tildes, letters and revisions as deb-version(7) says', () => {
    expectAscending(dpkg, ['1.0~~', '1.0~~a', '1.0~', '1.0~rc1', '1.0', '1.0-0.1', '1.0-1', '1.0a', '1.0+', '1.1', '1.10', '1:0.1', '2:0']);
    expectEqual(dpkg, ['1.0', '0:1.0', '1.0-0', '1.00', '00:1.0']);
    expect(dpkg.compare('1.2.3-1ubuntu0.1', '1.2.3-1')).toBe(1);
    expect(dpkg.compare('1:8.9p1-3ubuntu0.10', '1:8.9p1-3ubuntu0.9')).toBe(1);
  });
  it('rejects what dpkg rejects', () => {
    for (const bad of ['', 'a1.0', '1.0-', 'x:1.0', '1.0 1', '1.0-a_b', ':1.0']) expect(dpkg.isValid(bad)).toBe(false);
    expect(() => dpkg.compare('a', '1')).toThrow(InvalidVersionError);
    for (const ok of ['1.0', '1:2.3-4', '1.0-1-2', '1.0~rc1+dfsg-1~bpo1', '2:1.0:1-1']) expect(dpkg.isValid(ok)).toBe(true);
  });
});

describe('rpm', () => {
  it('follows rpmvercmp with tilde and caret', () => {
    expectAscending(rpm, ['1.0~rc1~git1', '1.0~rc1', '1.0~rc1^git1', '1.0~rc2', '1.0', '1.0^', '1.0^git1~pre', '1.0^git1', '1.0a', '1.0.1', '1.01.1']);
    expect(rpm.compare('5.5p10', '5.5p1')).toBe(1);
    expect(rpm.compare('10xyz', '10.1xyz')).toBe(-1);
    expect(rpm.compare('xyz10', 'xyz10.1')).toBe(-1);
    expect(rpm.compare('2.0.1', '2.0.1a')).toBe(-1);
    expect(rpm.compare('6.0.rc1', '6.0')).toBe(1);
    expect(rpm.compare('1.a', '1.1')).toBe(-1);
    expect(rpm.compare('1.0010', '1.9')).toBe(1);
    expectEqual(rpm, ['1.0', '1_0', '1..0', '0:1.0']);
  });
  it('compares epoch, then version, then release', () => {
    expect(rpm.compare('1:1.0-1', '2.0-1')).toBe(1);
    expect(rpm.compare('8.7p1-38.el9_4.1', '8.7p1-38.el9')).toBe(1);
    expect(rpm.compare('8.7p1-38.el9', '8.7p1-38.el9_4.1')).toBe(-1);
    expect(rpm.compare('1.0-1', '1.0')).toBe(1);
    expect(rpm.isValid('1.0-1-2')).toBe(false);
    expect(rpm.isValid('')).toBe(false);
  });
});

describe('apk', () => {
  it('orders suffixes, letters, revisions and leading zeros as apk-tools does', () => {
    expectAscending(apk, ['1.0_alpha', '1.0_alpha1', '1.0_beta', '1.0_pre1', '1.0_rc1', '1.0_rc1-r1', '1.0', '1.0-r1', '1.0-r10', '1.0_cvs', '1.0_git20200101', '1.0_p1', '1.0a', '1.0b', '1.0.1', '1.1', '1.10']);
    expect(apk.compare('1.01', '1.1')).toBe(-1);
    expect(apk.compare('1.01', '1.001')).toBe(1);
    expect(apk.compare('1.2.3~abc1-r0', '1.2.3-r0')).toBe(1);
    expect(apk.compare('1.0.2u-r0', '1.0.2t-r1')).toBe(1);
    expectEqual(apk, ['1.0', '1.0']);
  });
  it('validates the apk grammar', () => {
    for (const ok of ['1', '1.0', '1.2.3a', '1.0_rc1_p2', '2.0_git20230101-r3', '1.2~a1b2-r0']) expect(apk.isValid(ok)).toBe(true);
    for (const bad of ['', 'a1', '1..0', '1.0-r', '1.0_foo', '1.0ab', '1.0-1', '1.0a.1', '1.0_rc1a']) expect(apk.isValid(bad)).toBe(false);
  });
});

describe('maven', () => {
  it('orders qualifiers as ComparableVersion', () => {
    expectAscending(maven, ['1-alpha-1', '1-alpha-2', '1-beta-1', '1-milestone-1', '1-rc-1', '1-SNAPSHOT', '1', '1-sp', '1-sp-1', '1-abc', '1-def', '1-1', '1.1', '1.9', '1.10', '2.0']);
    expectEqual(maven, ['1', '1.0', '1.0.0', '1-0', '1-ga', '1.ga', '1-final', '1-release', '1.0-FINAL']);
    expectEqual(maven, ['1a1', '1-alpha-1', '1alpha-1', '1-a1']);
    expectEqual(maven, ['1-cr1', '1-rc1', '1rc1']);
    expect(maven.compare('2.17.0', '2.15.0')).toBe(1);
    expect(maven.compare('2.0-beta9', '2.0')).toBe(-1);
    expect(maven.compare('2.0-rc1', '2.0-beta9')).toBe(1);
    expect(maven.compare('1.0.0.Final', '1.0.0')).toBe(0);
  });
});

describe('rubygems', () => {
  it('orders like Gem::Version', () => {
    expectAscending(rubygems, ['1.0.a', '1.0.a9', '1.0.a10', '1.0.b1', '1.0-1', '1.0.rc1', '1.0', '1.0.0.1', '1.9.3', '1.10', '2']);
    expectEqual(rubygems, ['1', '1.0', '1.0.0']);
    expectEqual(rubygems, ['1.0.a', '1.a']);
    expect(rubygems.compare('1.13.6', '1.13.4')).toBe(1);
    expect(rubygems.compare('1.13.4', '1.13.6.rc1')).toBe(-1);
  });
  it('validates like Gem::Version.correct?', () => {
    for (const ok of ['1', '1.0', '1.0.a', '1.0-1', '1.0.0.rc1']) expect(rubygems.isValid(ok)).toBe(true);
    for (const bad of ['', 'a1', '1..0', '1.0 beta', '1.0_beta']) expect(rubygems.isValid(bad)).toBe(false);
  });
});

describe('semver and pep440', () => {
  it('semver follows SemVer 2.0 precedence and accepts Go v-prefixes', () => {
    expectAscending(semver, ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0']);
    expectEqual(semver, ['1.2.3', 'v1.2.3', '1.2.3+incompatible']);
    expect(semver.compare('1.0.1-0.20211012131345-9c444070ec7b', '1.0.1')).toBe(-1);
    expect(semver.compare('v0.0.0-20211012131345-9c444070ec7b', '0.0.1')).toBe(-1);
    expect(semver.isValid('1.0')).toBe(false);
  });
  it('pep440 follows PEP 440', () => {
    expectAscending(pep440, ['1.0.dev0', '1.0a1', '1.0b1', '1.0rc1', '1.0', '1.0+local', '1.0.post1', '1.1', '1!0.1']);
    expectEqual(pep440, ['1.0', '1.0.0', '1.0.0.0', 'v1.0']);
    expect(pep440.isValid('not a version')).toBe(false);
  });
});

describe('nuget', () => {
  it('orders like NuGet.Versioning: four parts, case-insensitive labels, metadata ignored', () => {
    expectAscending(nuget, ['1.0.0-alpha', '1.0.0-Alpha.1', '1.0.0-alpha.beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.0.1', '1.0.1', '1.10', '13.0.1']);
    expectEqual(nuget, ['1', '1.0', '1.0.0', '1.0.0.0', '1.0.0+build.5']);
    expectEqual(nuget, ['1.0.0-RC1', '1.0.0-rc1']);
    for (const bad of ['', '1.0.0.0.0', 'a', '1.0-', '1..0']) expect(nuget.isValid(bad)).toBe(false);
  });
});

describe('registry by OSV ecosystem', () => {
  it('maps ecosystems, with or without a release suffix', () => {
    expect(schemeFor('Debian:12')).toBe(dpkg);
    expect(schemeFor('Ubuntu:22.04:LTS')).toBe(dpkg);
    expect(schemeFor('Alpine:v3.19')).toBe(apk);
    expect(schemeFor('AlmaLinux:9')).toBe(rpm);
    expect(schemeFor('Go')).toBe(semver);
    expect(schemeFor('crates.io')).toBe(semver);
    expect(schemeFor('PyPI')).toBe(pep440);
    expect(schemeFor('Maven')).toBe(maven);
    expect(schemeFor('RubyGems')).toBe(rubygems);
    expect(schemeFor('NuGet')).toBe(nuget);
    expect(schemeFor('NoSuchEcosystem')).toBeUndefined();
  });
});

// --- properties: every scheme is a total preorder on its valid versions ---
const tokens = (alphabet: string[], first: string[]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...first), fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }))
    .map(([f, xs]) => f + xs.join(''));

const GENERATORS: [VersionScheme, fc.Arbitrary<string>][] = [
  [dpkg, tokens(['0', '1', '9', '10', 'a', 'z', '.', '+', '~', '-', '-1', ':'], ['0', '1', '2', '1:1', '0:2'])],
  [rpm, tokens(['0', '1', '9', '10', 'a', 'z', '.', '_', '~', '^', '-1', 'rc'], ['0', '1', '2', '1:1', 'a'])],
  [apk, tokens(['.0', '.1', '.01', '.10', 'a', 'b', '_rc', '_alpha', '_p', '_git', '1', '~ab', '-r1', '-r0'], ['0', '1', '2', '10'])],
  // Maven's own ComparableVersion is not transitive on odd mixes of letters and digits ("2m" < "2-0cr" < "2" < "2m",
  // "a" < "0beta" < "0" < "a"), and Tetrad reproduces Maven exactly; so the property runs over versions shaped
  // as published ones are: dotted numbers, an optional qualifier with its number, an optional tail
  // ("10-ga2" < "10.0.alpha" < "10", "2.sp-1" < "2-beta" < "2" < "2.sp-1" and "0.sp" < "0.alpha.Final" < "0" < "0.sp"
  // are Maven cycles too: a "." qualifier stays in the parent list, a "-" one opens a sub-list)
  [
    maven,
    fc
      .tuple(
        fc.array(fc.constantFrom('0', '1', '2', '10'), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', '-alpha', '-beta', '-milestone', '-rc', '-RC', '-cr', '-sp'),
        fc.constantFrom('', '0', '1', '2', '11'),
        fc.constantFrom('', '-SNAPSHOT'),
      )
      .map(([nums, q, n, tail]) => nums.join('.') + q + (q ? n : '') + tail),
  ],
  [rubygems, tokens(['.0', '.1', '.10', '.a', '.b', 'rc', '1', '-1', '-pre', '.pre'], ['0', '1', '2', '10'])],
  [nuget, tokens(['.0', '.1', '.10', '-alpha', '-Alpha', '.beta', '-1', '.2', '+b1'], ['0', '1', '2', '1.0.0.1'])],
  [semver, tokens(['.0', '.1', '-alpha', '-1', '.beta', '+b1', '.10'], ['0.0.0', '1.2.3', '1.0.0', 'v1.0.0'])],
  [pep440, tokens(['.0', '.1', 'a1', 'b2', 'rc1', '.post1', '.dev1', '+local', '.10'], ['0', '1', '2', '1!1'])],
];

describe('properties', () => {
  for (const [scheme, gen] of GENERATORS) {
    const valid = gen.filter((v) => scheme.isValid(v));
    it(`${scheme.name}: reflexive, antisymmetric and transitive`, () => {
      fc.assert(
        fc.property(valid, valid, valid, (a, b, c) => {
          expect(scheme.compare(a, a)).toBe(0);
          expect(scheme.compare(a, b) + scheme.compare(b, a)).toBe(0);
          const [x, y, z] = [a, b, c].sort((p, q) => scheme.compare(p, q));
          expect(scheme.compare(x!, y!)).toBeLessThanOrEqual(0);
          expect(scheme.compare(y!, z!)).toBeLessThanOrEqual(0);
          expect(scheme.compare(x!, z!)).toBeLessThanOrEqual(0);
          // equality is transitive too
          if (scheme.compare(x!, y!) === 0 && scheme.compare(y!, z!) === 0) expect(scheme.compare(x!, z!)).toBe(0);
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 2000) },
      );
    });
  }
});
