/**
 * Maven `pom.xml` (fast-xml-parser): the `<dependencies>` of the project with literal versions.
 * `${name}` is resolved from `<properties>`, `${project.version}` / `${project.parent.version}`
 * from the POM itself, and a dependency without a version from the POM's own
 * `<dependencyManagement>`. With a `parents` resolver (the inventory source gives one over the
 * POMs of the scanned tree), the `<parent>` at its `<relativePath>` (default `../pom.xml`) adds
 * its properties and managed versions, up the chain, when its coordinates are the ones the
 * `<parent>` names (as Maven checks); the child's own values win. A version that stays unresolved
 * (a property or a BOM from a parent outside the tree) is not guessed: the dependency is left
 * out with a note. Ecosystem `Maven`, name `groupId:artifactId`.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseXmlChecked } from '../../sources/shared/xml.js';
import type { ParseError } from '../../scan/errors.js';
import type { InstalledPackage, Inventory, InventoryError } from '../types.js';
import { failed, LineFinder, pkg } from './common.js';

const pomParser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, isArray: (name) => name === 'dependency' });

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x.trim() : typeof x === 'number' ? String(x) : undefined);

interface Dep {
  groupId?: string;
  artifactId?: string;
  version?: string;
}

function depsOf(container: unknown): Dep[] {
  if (!isObj(container)) return [];
  const list = container.dependency;
  const arr = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return arr.filter(isObj).map((d) => ({ groupId: str(d.groupId), artifactId: str(d.artifactId), version: str(d.version) }));
}

/** Offsets of `<tag>...</tag>` ranges, to leave out dependencies inside them. */
function ranges(text: string, tag: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The POM a `<parent>`'s relativePath names (`../pom.xml`, or a folder holding pom.xml), relative to `from`; undefined when it is not in the scanned tree. */
export type PomResolver = (from: string, relativePath: string) => { text: string; file: string } | undefined;

function readProject(text: string): Obj | undefined {
  let doc: Obj;
  try {
    doc = parseXmlChecked(text, '', pomParser);
  } catch {
    return undefined;
  }
  return isObj(doc.project) ? doc.project : undefined;
}

function ownProperties(project: Obj): Map<string, string> {
  const props = new Map<string, string>();
  if (isObj(project.properties)) for (const [k, v] of Object.entries(project.properties)) if (str(v) !== undefined) props.set(k, str(v)!);
  return props;
}

function ownManaged(project: Obj): Map<string, string> {
  const managed = new Map<string, string>();
  for (const d of depsOf(isObj(project.dependencyManagement) ? project.dependencyManagement.dependencies : undefined)) {
    if (d.groupId && d.artifactId && d.version) managed.set(`${d.groupId}:${d.artifactId}`, d.version);
  }
  return managed;
}

/**
 * Properties and managed versions inherited through `<parent>` POMs of the tree, nearest first
 * (a loop or a parent whose coordinates differ from the `<parent>` element stops the chain, with a note).
 */
function inherited(project: Obj, file: string, parents: PomResolver | undefined, notes: InventoryError[], lineOfParent: number): { props: Map<string, string>; managed: Map<string, string> } {
  const props = new Map<string, string>();
  const managed = new Map<string, string>();
  if (!parents) return { props, managed };
  const seen = new Set([file]);
  let child = project;
  let from = file;
  for (let depth = 0; depth < 20 && isObj(child.parent); depth++) {
    const ref = child.parent;
    const rel = str(ref.relativePath) ?? '../pom.xml';
    if (rel === '') break; // an empty relativePath means: look the parent up in a repository only
    const found = parents(from, rel);
    if (!found) break;
    if (seen.has(found.file)) {
      notes.push({ file, line: lineOfParent, message: `parent POM chain loops at ${found.file}; inheritance stops there` });
      break;
    }
    seen.add(found.file);
    const p = readProject(found.text);
    if (!p) break;
    const pGroup = str(p.groupId) ?? (isObj(p.parent) ? str(p.parent.groupId) : undefined);
    if (pGroup !== str(ref.groupId) || str(p.artifactId) !== str(ref.artifactId)) {
      notes.push({ file, line: lineOfParent, message: `${found.file} is not the parent ${str(ref.groupId)}:${str(ref.artifactId)} (it is ${pGroup}:${str(p.artifactId)}); not inherited` });
      break;
    }
    for (const [k, v] of ownProperties(p)) if (!props.has(k)) props.set(k, v);
    for (const [k, v] of ownManaged(p)) if (!managed.has(k)) managed.set(k, v);
    child = p;
    from = found.file;
  }
  return { props, managed };
}

export function parsePom(text: string, file: string, parents?: PomResolver): Inventory {
  let doc: Obj;
  try {
    doc = parseXmlChecked(text, file, pomParser);
  } catch (err) {
    const e = err as ParseError;
    return failed(file, e.detail, e.line);
  }
  const project = doc.project;
  if (!isObj(project)) return failed(file, 'no <project> element: not a Maven POM', 1);
  const notes: InventoryError[] = [];
  const parentLine = new LineFinder(text).find('<parent>') ?? 1;
  const fromParents = inherited(project, file, parents, notes, parentLine);
  const props = new Map([...fromParents.props, ...ownProperties(project)]);
  const parent = isObj(project.parent) ? project.parent : {};
  const projectVersion = str(project.version) ?? str(parent.version);
  if (projectVersion) props.set('project.version', projectVersion).set('version', projectVersion).set('pom.version', projectVersion);
  if (str(parent.version)) props.set('project.parent.version', str(parent.version)!);
  const resolve = (v: string): string | undefined => {
    let out = v;
    for (let i = 0; i < 10 && out.includes('${'); i++) {
      let missing = false;
      out = out.replace(/\$\{([^}]+)\}/g, (_, k: string) => props.get(k) ?? ((missing = true), `\${${k}}`));
      if (missing) return undefined;
    }
    return out.includes('${') ? undefined : out;
  };
  const managed = new Map([...fromParents.managed, ...ownManaged(project)]);
  // locate each <dependency> of <project><dependencies> in the text, in order
  const skip = [...ranges(text, 'dependencyManagement'), ...ranges(text, 'build'), ...ranges(text, 'profiles'), ...ranges(text, 'reporting')];
  const lf = new LineFinder(text);
  const blocks: Array<{ key: string; line: number; used: boolean }> = [];
  const re = /<dependency>([\s\S]*?)<\/dependency>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (skip.some(([a, b]) => at >= a && at < b)) continue;
    const g = /<groupId>\s*([^<]*?)\s*<\/groupId>/.exec(m[1]!)?.[1];
    const a = /<artifactId>\s*([^<]*?)\s*<\/artifactId>/.exec(m[1]!)?.[1];
    const vOff = /<version>/.exec(m[1]!);
    const off = vOff ? at + '<dependency>'.length + vOff.index : at;
    blocks.push({ key: `${g}:${a}`, line: lf.lineOf(off), used: false });
  }
  const packages: InstalledPackage[] = [];
  const errors: InventoryError[] = [];
  for (const d of depsOf(project.dependencies)) {
    const block = blocks.find((b) => !b.used && b.key === `${d.groupId}:${d.artifactId}`);
    if (block) block.used = true;
    const line = block?.line ?? 1;
    if (!d.groupId || !d.artifactId) {
      errors.push({ file, line, message: 'dependency without groupId or artifactId; skipped' });
      continue;
    }
    const name = `${d.groupId}:${d.artifactId}`;
    const raw = d.version ?? managed.get(name);
    if (raw === undefined) {
      notes.push({ file, line, message: `${name}: version managed outside this POM (parent or BOM); skipped` });
      continue;
    }
    const version = resolve(raw);
    if (version === undefined) {
      notes.push({ file, line, message: `${name}: version ${raw} names a property this POM does not define; skipped` });
      continue;
    }
    // ranges such as [1.0,2.0) are not an exact version
    if (/^[[(]/.test(version)) {
      notes.push({ file, line, message: `${name}: version range ${version} is not an exact version; skipped` });
      continue;
    }
    packages.push(pkg(file, 'maven-pom', 'Maven', name, version, line, line, { purl: `pkg:maven/${d.groupId}/${d.artifactId}@${version}`, direct: true }));
  }
  return notes.length ? { packages, errors, notes } : { packages, errors };
}
