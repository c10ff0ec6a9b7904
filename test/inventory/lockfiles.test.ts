import { describe, expect, it } from 'vitest';
import { parserFor } from '../../src/inventory/parsers/index.js';
import type { Inventory } from '../../src/inventory/types.js';

const run = (path: string, text: string): Inventory => {
  const p = parserFor(path);
  if (!p) throw new Error(`no parser for ${path}`);
  return p.parse(text, path);
};
const rows = (inv: Inventory) => inv.packages.map((p) => `${p.ecosystem} ${p.name}@${p.version} :${p.location.startLine}`);
const errLines = (inv: Inventory) => inv.errors.map((e) => `${e.file}:${e.line ?? '-'}`);

describe('package-lock.json', () => {
  const v3 = `{
  "name": "app",
  "lockfileVersion": 3,
  "packages": {
    "": { "name": "app", "dependencies": { "lodash": "^4.17.0", "@scope/x": "1" } },
    "node_modules/lodash": { "version": "4.17.20" },
    "node_modules/@scope/x": { "version": "1.0.0" },
    "node_modules/@scope/x/node_modules/lodash": { "version": "3.10.1" },
    "node_modules/aliased": { "name": "real-name", "version": "2.0.0" },
    "node_modules/ws": { "link": true, "resolved": "packages/ws" },
    "packages/ws": { "name": "ws", "version": "0.0.1" },
    "node_modules/gitdep": { "version": "git+ssh://git@example.com/x.git#abc" }
  }
}`;
  it('reads v2/v3 packages with nesting, aliases and lines', () => {
    const inv = run('app/package-lock.json', v3);
    expect(inv.errors).toEqual([]);
    expect(rows(inv)).toEqual(['npm lodash@4.17.20 :6', 'npm @scope/x@1.0.0 :7', 'npm lodash@3.10.1 :8', 'npm real-name@2.0.0 :9', 'npm ws@0.0.1 :11']);
    expect(inv.packages.map((p) => p.direct)).toEqual([true, true, false, false, false]);
    expect(inv.packages[1]!.purl).toBe('pkg:npm/%40scope/x@1.0.0');
  });
  it('reads v1 dependency trees', () => {
    const inv = run('package-lock.json', '{\n "lockfileVersion": 1,\n "dependencies": {\n  "a": { "version": "1.0.0",\n   "dependencies": { "b": { "version": "2.0.0" } } }\n }\n}');
    expect(rows(inv)).toEqual(['npm a@1.0.0 :4', 'npm b@2.0.0 :5']);
  });
  it('reports invalid JSON at its line', () => {
    const inv = run('package-lock.json', '{\n "packages": {\n  "node_modules/a": { "version": "1" },,\n }\n}');
    expect(inv.packages).toEqual([]);
    expect(errLines(inv)).toEqual(['package-lock.json:3']);
    expect(inv.errors[0]!.message).toMatch(/invalid JSON/);
    expect(run('package-lock.json', '[]').errors[0]!.message).toMatch(/not a JSON object/);
    expect(run('package-lock.json', '{"packages":{"node_modules/x":{}}}').errors[0]!.message).toMatch(/no version/);
  });
});

describe('yarn.lock', () => {
  it('reads v1 with multiple specifiers per entry', () => {
    const text = '# yarn lockfile v1\n\n\n"@babel/core@^7.0.0", "@babel/core@^7.1.0":\n  version "7.1.2"\n  resolved "https://r/x.tgz"\n\nlodash@^4:\n  version "4.17.4"\n';
    const inv = run('yarn.lock', text);
    expect(inv.errors).toEqual([]);
    expect(rows(inv)).toEqual(['npm @babel/core@7.1.2 :4', 'npm lodash@4.17.4 :8']);
  });
  it('reads berry lockfiles and leaves workspaces out', () => {
    const text = `__metadata:\n  version: 6\n\n"app@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "app@workspace:."\n\n"lodash@npm:^4.17.21":\n  version: 4.17.21\n  resolution: "lodash@npm:4.17.21"\n\n"@types/node@npm:*, @types/node@npm:^20":\n  version: 20.1.0\n  resolution: "@types/node@npm:20.1.0"\n`;
    expect(rows(run('yarn.lock', text))).toEqual(['npm lodash@4.17.21 :8', 'npm @types/node@20.1.0 :12']);
  });
  it('reports a malformed v1 lockfile', () => {
    const inv = run('yarn.lock', 'lodash@^4:\n  version "4.17.4"\n  resolved\n"');
    expect(inv.packages).toEqual([]);
    expect(inv.errors[0]!.message).toMatch(/invalid yarn.lock/);
    expect(inv.errors[0]!.line).toBe(4);
    expect(run('yarn.lock', '__metadata:\n  version: 6\n "x: [').errors[0]!.line).toBeGreaterThan(0);
  });
});

describe('pnpm-lock.yaml', () => {
  it('reads v5, v6 and v9 keys', () => {
    const v6 = "lockfileVersion: '6.0'\n\npackages:\n\n  /lodash@4.17.21:\n    resolution: {integrity: sha512-x}\n\n  /@babel/core@7.22.0(supports-color@8.1.1):\n    resolution: {integrity: sha512-y}\n";
    expect(rows(run('pnpm-lock.yaml', v6))).toEqual(['npm lodash@4.17.21 :5', 'npm @babel/core@7.22.0 :8']);
    const v5 = 'lockfileVersion: 5.4\npackages:\n  /lodash/4.17.21:\n    resolution: {integrity: sha512-x}\n  /@types/react/18.0.0_react@18.2.0:\n    dev: true\n';
    expect(rows(run('pnpm-lock.yaml', v5))).toEqual(['npm lodash@4.17.21 :3', 'npm @types/react@18.0.0 :5']);
    const v9 = "lockfileVersion: '9.0'\npackages:\n  ms@2.1.3:\n    resolution: {integrity: sha512-x}\n";
    expect(rows(run('pnpm-lock.yaml', v9))).toEqual(['npm ms@2.1.3 :3']);
  });
  it('reports bad YAML and unreadable keys', () => {
    expect(errLines(run('pnpm-lock.yaml', 'packages:\n  a: [\n'))).toEqual(['pnpm-lock.yaml:3']);
    expect(run('pnpm-lock.yaml', 'packages:\n  /weird:\n    x: 1\n').errors[0]!.message).toMatch(/cannot read a name and version/);
  });
});

describe('requirements.txt', () => {
  it('keeps exact pins with extras, markers, hashes and continuations', () => {
    const text = [
      '# comment',
      '-r base.txt',
      '--index-url https://pypi.example/simple',
      'Django==3.2.0  # pinned',
      'requests[socks]==2.25.1 ; python_version >= "3.6"',
      'urllib3==1.26.4 \\',
      '    --hash=sha256:aaa \\',
      '    --hash=sha256:bbb',
      'flask>=2.0',
      'numpy',
      '-e git+https://example.com/x.git#egg=x',
      'pkg @ https://example.com/pkg.whl',
      'Weird===1.0-custom',
    ].join('\n');
    const inv = run('requirements-dev.txt', text);
    expect(inv.errors).toEqual([]);
    expect(rows(inv)).toEqual(['PyPI Django@3.2.0 :4', 'PyPI requests@2.25.1 :5', 'PyPI urllib3@1.26.4 :6', 'PyPI Weird@1.0-custom :13']);
    expect(inv.packages[2]!.location.endLine).toBe(8);
    expect(inv.notes?.map((n) => n.line)).toEqual([2]);
  });
  it('reports lines that are not requirements', () => {
    const inv = run('requirements.txt', 'ok==1.0\n!!! not a requirement\n');
    expect(rows(inv)).toEqual(['PyPI ok@1.0 :1']);
    expect(errLines(inv)).toEqual(['requirements.txt:2']);
  });
});

describe('poetry.lock and Pipfile.lock', () => {
  it('reads poetry packages at their name lines', () => {
    const text = '[[package]]\nname = "certifi"\nversion = "2020.12.5"\ndescription = "x"\n\n[[package]]\nname = "local"\nversion = "0.1.0"\n[package.source]\ntype = "directory"\nurl = "../local"\n\n[metadata]\nlock-version = "2.0"\n';
    expect(rows(run('poetry.lock', text))).toEqual(['PyPI certifi@2020.12.5 :2']);
    expect(errLines(run('poetry.lock', '[[package]]\nname = "x"\nversion = '))).toEqual(['poetry.lock:3']);
  });
  it('reads Pipfile.lock default and develop', () => {
    const text = '{\n "_meta": {},\n "default": {\n  "django": { "version": "==3.2.0" },\n  "gitdep": { "git": "https://x" }\n },\n "develop": {\n  "pytest": { "version": "==7.0.0" }\n }\n}';
    expect(rows(run('Pipfile.lock', text))).toEqual(['PyPI django@3.2.0 :4', 'PyPI pytest@7.0.0 :8']);
    expect(run('Pipfile.lock', '{"default": {"x": {"version": ">=1"}}}').errors[0]!.message).toMatch(/not an exact pin/);
  });
});

describe('Go', () => {
  it('reads go.mod requires and replaces', () => {
    const text = [
      'module example.com/app',
      '',
      'go 1.21',
      '',
      'require github.com/opencontainers/runc v1.0.0-rc6',
      '',
      'require (',
      '\tgolang.org/x/net v0.7.0 // indirect',
      '\tgithub.com/old/mod v1.0.0',
      '\texample.com/local v0.0.0',
      ')',
      '',
      'replace github.com/old/mod => github.com/new/mod v1.2.0',
      'replace example.com/local => ../local',
    ].join('\n');
    const inv = run('go.mod', text);
    expect(inv.errors).toEqual([]);
    expect(rows(inv)).toEqual(['Go github.com/opencontainers/runc@v1.0.0-rc6 :5', 'Go golang.org/x/net@v0.7.0 :8', 'Go github.com/new/mod@v1.2.0 :9']);
    expect(inv.packages.map((p) => p.direct)).toEqual([true, false, true]);
  });
  it('reports malformed go.mod and go.sum lines', () => {
    expect(errLines(run('go.mod', 'module x\nrequire (\n  a\n)\nbogus thing\n'))).toEqual(['go.mod:3', 'go.mod:5']);
    expect(errLines(run('go.mod', 'module x\nrequire (\n a v1\n'))).toEqual(['go.mod:2']);
    const sum = run('go.sum', 'golang.org/x/net v0.7.0 h1:abc=\ngolang.org/x/net v0.7.0/go.mod h1:def=\nbroken\n');
    expect(rows(sum)).toEqual(['Go golang.org/x/net@v0.7.0 :1']);
    expect(errLines(sum)).toEqual(['go.sum:3']);
  });
});

describe('Cargo.lock, Gemfile.lock, composer.lock', () => {
  it('reads registry crates only', () => {
    const text = 'version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\n\n[[package]]\nname = "smallvec"\nversion = "1.6.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n';
    expect(rows(run('Cargo.lock', text))).toEqual(['crates.io smallvec@1.6.0 :8']);
    expect(run('Cargo.lock', '[[package]\n').errors[0]!.line).toBe(1);
  });
  it('reads GEM specs, not their dependencies', () => {
    const text = 'GIT\n  remote: https://x\n  specs:\n    gitgem (1.0)\n\nGEM\n  remote: https://rubygems.org/\n  specs:\n    actionpack (6.1.0)\n      rack (~> 2.0)\n    nokogiri (1.13.10-x86_64-linux)\n      racc (~> 1.4)\n    rack (2.2.3)\n\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n  actionpack\n';
    const inv = run('Gemfile.lock', text);
    expect(inv.errors).toEqual([]);
    expect(rows(inv)).toEqual(['RubyGems actionpack@6.1.0 :9', 'RubyGems nokogiri@1.13.10 :11', 'RubyGems rack@2.2.3 :13']);
    expect(errLines(run('Gemfile.lock', 'GEM\n  specs:\n    broken spec line\n'))).toEqual(['Gemfile.lock:3']);
    expect(run('Gemfile.lock', 'hello').errors[0]!.message).toMatch(/no GEM section/);
  });
  it('reads composer packages', () => {
    const text = '{\n  "packages": [\n    {\n      "name": "guzzlehttp/guzzle",\n      "version": "7.4.0"\n    },\n    { "name": "x/dev", "version": "dev-main" }\n  ],\n  "packages-dev": [\n    {\n      "name": "phpunit/phpunit",\n      "version": "v9.5.0"\n    }\n  ]\n}';
    expect(rows(run('composer.lock', text))).toEqual(['Packagist guzzlehttp/guzzle@7.4.0 :4', 'Packagist phpunit/phpunit@9.5.0 :11']);
    expect(run('composer.lock', '{}').errors[0]!.message).toMatch(/no "packages"/);
  });
});

describe('pom.xml', () => {
  const pom = `<?xml version="1.0"?>
<project>
  <groupId>com.example</groupId>
  <artifactId>app</artifactId>
  <version>1.0.0</version>
  <properties>
    <log4j.version>2.14.1</log4j.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.fasterxml.jackson.core</groupId>
        <artifactId>jackson-databind</artifactId>
        <version>2.9.8</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
      <version>\${log4j.version}</version>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
    </dependency>
    <dependency>
      <groupId>com.example</groupId>
      <artifactId>sibling</artifactId>
      <version>\${project.version}</version>
    </dependency>
    <dependency>
      <groupId>org.unknown</groupId>
      <artifactId>from-parent</artifactId>
      <version>\${undefined.version}</version>
    </dependency>
    <dependency>
      <groupId>org.managed</groupId>
      <artifactId>by-bom</artifactId>
    </dependency>
  </dependencies>
</project>`;
  it('resolves properties and managed versions, skips the rest with a note', () => {
    const inv = run('pom.xml', pom);
    expect(inv.errors).toEqual([]);
    expect(rows(inv)).toEqual([
      'Maven org.apache.logging.log4j:log4j-core@2.14.1 :22',
      'Maven com.fasterxml.jackson.core:jackson-databind@2.9.8 :24',
      'Maven com.example:sibling@1.0.0 :31',
    ]);
    expect(inv.notes?.map((n) => `${n.line} ${n.message}`)).toEqual([
      '36 org.unknown:from-parent: version ${undefined.version} names a property this POM does not define; skipped',
      '38 org.managed:by-bom: version managed outside this POM (parent or BOM); skipped',
    ]);
  });
  it('reports malformed XML at its line', () => {
    const inv = run('pom.xml', '<project>\n  <dependencies>\n  </dependency>\n</project>');
    expect(errLines(inv)).toEqual(['pom.xml:3']);
    expect(run('pom.xml', '<other/>').errors[0]!.message).toMatch(/not a Maven POM/);
  });
});

describe('yarn.lock edge', () => {
  it('does not hang on a comment at the end of the text without a newline (a @yarnpkg/lockfile 1.1.0 loop)', () => {
    expect(run('yarn.lock', '# yarn lockfile v1')).toEqual({ packages: [], errors: [] });
    expect(rows(run('yarn.lock', 'a@^1:\n  version "1.0.0"\n# trailing'))).toEqual(['npm a@1.0.0 :1']);
  });
});

describe('yarn.lock text that would hang @yarnpkg/lockfile', () => {
  it('is refused at its line before the library reads it', () => {
    for (const [text, line] of [['R{%"%7 ,"x', 1], ['a@^1:\n  version "1.0.0\n', 2], ['a@^1:\n  resolved "x\\\\" "y"\n', 2], ['ok@1:\n  version "1"\nbroken"', 3]] as const) {
      const inv = run('yarn.lock', text);
      expect(inv.packages).toEqual([]);
      expect(inv.errors.map((e) => e.line)).toEqual([line]);
    }
  });
});

describe('runtimes with an upstream lifecycle', () => {
  it('come from Pipfile.lock, a go.mod toolchain and NodeSource builds only', () => {
    const rt = (path: string, text: string) => (run(path, text).runtimes ?? []).map((r) => `${r.name} ${r.version} :${r.location.startLine}`);
    expect(rt('Pipfile.lock', '{\n "_meta": {\n  "requires": {\n   "python_version": "3.8"\n  }\n },\n "default": {}\n}')).toEqual(['python 3.8 :4']);
    expect(rt('go.mod', 'module x\n\ngo 1.21\n\ntoolchain go1.21.4\n')).toEqual(['go 1.21.4 :5']);
    expect(rt('go.mod', 'module x\n\ngo 1.21\n')).toEqual([]);
    expect(rt('var/lib/dpkg/status', 'Package: nodejs\nStatus: install ok installed\nVersion: 18.19.0-1nodesource1\n')).toEqual(['node 18.19.0 :1']);
    expect(rt('var/lib/dpkg/status', 'Package: nodejs\nStatus: install ok installed\nVersion: 18.19.0+dfsg-6~deb12u2\n')).toEqual([]);
  });
});
