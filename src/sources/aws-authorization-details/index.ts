/**
 * The output of `aws iam get-account-authorization-details` (JSON): every
 * user, group, role and customer-managed policy of an account with their
 * inline policies, attachments, group memberships, permissions boundaries,
 * trust policies and all policy versions.
 *
 * One resource per entry, id = its ARN, located at the entry's line:
 * - `aws-iam-user`   (UserDetailList):  UserName, Path, Arn, UserPolicyList[{PolicyName, PolicyDocument}], GroupList, AttachedManagedPolicies[{PolicyName, PolicyArn}], PermissionsBoundary{PermissionsBoundaryArn}
 * - `aws-iam-group`  (GroupDetailList): GroupName, Path, Arn, GroupPolicyList, AttachedManagedPolicies
 * - `aws-iam-role`   (RoleDetailList):  RoleName, Path, Arn, AssumeRolePolicyDocument, RolePolicyList, AttachedManagedPolicies, PermissionsBoundary, InstanceProfileList
 * - `aws-iam-managed-policy` (Policies): PolicyName, Path, Arn, DefaultVersionId, PolicyVersionList[{VersionId, IsDefaultVersion, Document}]
 *
 * The API returns policy documents URL-encoded; the CLI decodes them. Both
 * are accepted: a document that is a string is read as JSON, else URL-decoded
 * first. A document that cannot be read becomes Unknown and is reported at
 * its line; the rest of the file still loads. Types are our own (not the
 * CloudFormation `AWS::IAM::*`) because the shapes differ.
 */
import type { Location, Resource, Value, ValueObject } from '../../model/index.js';
import { isObject, Unknown } from '../../model/index.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import type { Source, SourceOutput } from '../types.js';
import { visit } from 'jsonc-parser';
import { parseJsonOrThrow } from '../shared/json-error.js';

export const AUTH_DETAILS_SOURCE = 'aws-authorization-details';

export const AUTH_DETAILS_TYPES = {
  user: 'aws-iam-user',
  group: 'aws-iam-group',
  role: 'aws-iam-role',
  policy: 'aws-iam-managed-policy',
} as const;

const LISTS: Array<{ list: string; type: string; nameKey: string; documents: string[] }> = [
  { list: 'UserDetailList', type: AUTH_DETAILS_TYPES.user, nameKey: 'UserName', documents: ['UserPolicyList[].PolicyDocument'] },
  { list: 'GroupDetailList', type: AUTH_DETAILS_TYPES.group, nameKey: 'GroupName', documents: ['GroupPolicyList[].PolicyDocument'] },
  { list: 'RoleDetailList', type: AUTH_DETAILS_TYPES.role, nameKey: 'RoleName', documents: ['AssumeRolePolicyDocument', 'RolePolicyList[].PolicyDocument'] },
  { list: 'Policies', type: AUTH_DETAILS_TYPES.policy, nameKey: 'PolicyName', documents: ['PolicyVersionList[].Document'] },
];

export const authorizationDetailsSource: Source = {
  kind: AUTH_DETAILS_SOURCE,
  claims(file: DiscoveredFile): boolean {
    if (!/\.json$/i.test(file.path)) return false;
    const head = file.head;
    return /"(UserDetailList|GroupDetailList|RoleDetailList)"\s*:/.test(head) || (/"Policies"\s*:/.test(head) && /"PolicyVersionList"\s*:/.test(head));
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        const out = readAuthorizationDetails(readSourceText(file), file.displayPath);
        resources.push(...out.resources);
        errors.push(...out.errors);
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, AUTH_DETAILS_SOURCE));
      }
    }
    return { resources, errors };
  },
};


/** Reads one file; throws ParseError for a file that is not JSON or not this format. */
export function readAuthorizationDetails(text: string, file: string): SourceOutput {
  // JSON.parse gives the values (and, on a syntax error, JSON's wording and line);
  // one jsonc-parser pass over the same text gives the lines (see jsonLocations)
  const root = parseJsonOrThrow(text, file) as Value;
  if (!isObject(root)) throw new ParseError(file, 1, 'authorization details must be a JSON object with UserDetailList, GroupDetailList, RoleDetailList or Policies');
  const { top, entries, endLine } = jsonLocations(text, file);
  const resources: Resource[] = [];
  const errors: ScanError[] = [];
  const fileLoc: Location = { file, startLine: 1, endLine };
  for (const spec of LISTS) {
    const list = root[spec.list];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push(toScanError(new ParseError(file, top.get(spec.list)?.startLine ?? 1, `${spec.list} must be a list`), file, AUTH_DETAILS_SOURCE));
      continue;
    }
    list.forEach((entry, i) => {
      const path = `${spec.list}[${i}]`;
      const location = top.get(path) ?? fileLoc;
      if (!isObject(entry) || typeof entry.Arn !== 'string' || typeof entry[spec.nameKey] !== 'string') {
        errors.push(toScanError(new ParseError(file, location.startLine, `${path} has no Arn or ${spec.nameKey}; entry skipped`), file, AUTH_DETAILS_SOURCE));
        return;
      }
      // the values come from this call's own JSON.parse and belong to this resource alone: no copy needed
      const attributes = entry;
      const attributeLocations = entries.get(path) ?? {};
      for (const docPath of spec.documents) {
        for (const concrete of expand(attributes, docPath)) {
          const problem = decodeDocumentAt(attributes, concrete);
          if (problem) errors.push(toScanError(new ParseError(file, attributeLocations[concrete]?.startLine ?? location.startLine, `${path}.${concrete}: ${problem}`), file, AUTH_DETAILS_SOURCE));
        }
      }
      resources.push({
        id: entry.Arn,
        type: spec.type,
        provider: 'aws',
        source: AUTH_DETAILS_SOURCE,
        name: entry[spec.nameKey] as string,
        attributes,
        location,
        attributeLocations,
        references: [],
      });
    });
  }
  if (resources.length === 0 && errors.length === 0 && !LISTS.some((s) => s.list in root)) {
    throw new ParseError(file, 1, 'no UserDetailList, GroupDetailList, RoleDetailList or Policies: not an authorization details file');
  }
  return { resources, errors };
}

/** Where a value goes: its path relative to its entry, or from the root above the entries, and its first line. */
interface Place {
  /** path relative to the entry ('' is the entry itself); undefined above the entries */
  rel: string | undefined;
  /** path from the root, kept only above the entries (top-level keys and the entries themselves) */
  abs: string;
  /** the locations of the entry this value is inside */
  entry: Record<string, Location> | undefined;
  startLine: number;
}

interface Frame extends Place {
  array: boolean;
  /** next item index (arrays) */
  index: number;
  /** the key whose value comes next (objects), and its line */
  key: string;
  keyLine: number;
}

/**
 * The line range of every value, in one pass of jsonc-parser's `visit` over
 * the text (the values themselves come from JSON.parse): `top` holds the
 * top-level keys and the list entries (`RoleDetailList[3]`), `entries` the
 * paths inside each entry relative to it (`RolePolicyList[0].PolicyDocument`).
 * A key's range runs from the key to the end of its value, a list item's over
 * the item, as the YAML-based readers give them. The yaml library used before
 * built a full node tree of the 21 MiB benchmark file (~10 s of CPU); this
 * pass builds only the locations. JSON strings cannot span lines, so a
 * literal ends on its start line and a container on its closing bracket's.
 */
function jsonLocations(text: string, file: string): { top: Map<string, Location>; entries: Map<string, Record<string, Location>>; endLine: number } {
  const top = new Map<string, Location>();
  const entries = new Map<string, Record<string, Location>>();
  const stack: Frame[] = [];
  let endLine = 1;
  const place = (line: number): Place => {
    const parent = stack[stack.length - 1];
    if (!parent) return { rel: undefined, abs: '', entry: undefined, startLine: line };
    const segment = parent.array ? `[${parent.index++}]` : parent.key;
    const startLine = parent.array ? line : parent.keyLine;
    if (parent.rel !== undefined) return { rel: childPath(parent.rel, segment, parent.array), abs: '', entry: parent.entry, startLine };
    const abs = childPath(parent.abs, segment, parent.array);
    if (parent.array && stack.length === 2) {
      // an item of a top-level list is an entry: what is inside it is located relative to it
      let entry = entries.get(abs);
      if (!entry) entries.set(abs, (entry = {}));
      return { rel: undefined, abs, entry, startLine };
    }
    return { rel: undefined, abs, entry: undefined, startLine };
  };
  const record = (p: Place, last: number): void => {
    const loc: Location = { file, startLine: p.startLine, endLine: Math.max(p.startLine, last) };
    if (p.rel !== undefined) p.entry![p.rel] = loc;
    else if (p.abs !== '') top.set(p.abs, loc);
    else endLine = loc.endLine;
  };
  const begin = (array: boolean, line: number): void => {
    const p = place(line);
    // inside an entry (or the entry itself, whose children get paths relative to it)
    const rel = p.rel ?? (p.entry ? '' : undefined);
    stack.push({ rel, abs: p.abs, entry: p.entry, startLine: p.startLine, array, index: 0, key: '', keyLine: line });
    frames.push(p);
  };
  const frames: Place[] = [];
  const end = (line: number): void => {
    stack.pop();
    record(frames.pop()!, line);
  };
  visit(
    text,
    {
      onObjectBegin: (_o, _l, line) => begin(false, line + 1),
      onArrayBegin: (_o, _l, line) => begin(true, line + 1),
      onObjectEnd: (_o, _l, line) => end(line + 1),
      onArrayEnd: (_o, _l, line) => end(line + 1),
      onObjectProperty: (property, _o, _l, line) => {
        const f = stack[stack.length - 1]!;
        f.key = property;
        f.keyLine = line + 1;
      },
      onLiteralValue: (_v, _o, _l, line) => record(place(line + 1), line + 1),
    },
    { disallowComments: true },
  );
  return { top, entries, endLine };
}

/** `a.b` + `c` -> `a.b.c`; `a.b` + `[2]` -> `a.b[2]` */
function childPath(base: string, segment: string, item: boolean): string {
  return base === '' ? segment : item ? base + segment : `${base}.${segment}`;
}

/** Paths such as `UserPolicyList[].PolicyDocument` for every list item. */
function expand(obj: ValueObject, path: string): string[] {
  const at = path.indexOf('[]');
  if (at < 0) return obj[path] === undefined ? [] : [path];
  const listKey = path.slice(0, at);
  const rest = path.slice(at + 3);
  const list = obj[listKey];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i) => (isObject(item) && item[rest] !== undefined ? [`${listKey}[${i}].${rest}`] : []));
}

/** Replaces a string document (JSON, or URL-encoded JSON) by its object; returns a problem description when it cannot. */
function decodeDocumentAt(attributes: ValueObject, path: string): string | undefined {
  const m = /^(?:(\w+)\[(\d+)\]\.)?(\w+)$/.exec(path)!;
  const holder = m[1] ? ((attributes[m[1]] as Value[])[Number(m[2])] as ValueObject) : attributes;
  const key = m[3]!;
  const value = holder[key];
  if (isObject(value)) return undefined;
  if (typeof value !== 'string') {
    holder[key] = new Unknown('unreadable policy document', path);
    return 'policy document is neither an object nor a string';
  }
  const decoded = decodePolicyDocument(value);
  if (decoded === undefined) {
    holder[key] = new Unknown('unreadable policy document', path);
    return 'policy document is neither JSON nor URL-encoded JSON';
  }
  holder[key] = decoded;
  return undefined;
}

/** A policy document as the API returns it (URL-encoded JSON) or as plain JSON text. */
export function decodePolicyDocument(text: string): ValueObject | undefined {
  // only text that starts with `{` can be a JSON object: skip the (throwing, slow) attempt otherwise
  const attempts = /^[ \t\n\r]*\{/.test(text) ? [text] : [];
  try {
    attempts.push(decodeURIComponent(text.replace(/\+/g, '%20')));
  } catch {
    // not URL-encoded
  }
  for (const t of attempts) {
    try {
      const v = JSON.parse(t) as Value;
      if (isObject(v)) return v;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}
