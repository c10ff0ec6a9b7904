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
import { readFileSync } from 'node:fs';
import type { Location, Resource, Value, ValueObject } from '../../model/index.js';
import { isObject, Unknown } from '../../model/index.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import type { Source, SourceOutput } from '../types.js';
import { parseJsonOrThrow } from '../shared/json-error.js';
import { parseYamlDocuments } from '../shared/yaml-values.js';

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
        const out = readAuthorizationDetails(readFileSync(file.path, 'utf8'), file.displayPath);
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
  // JSON.parse first: a syntax error gets JSON's wording and line
  const plain = parseJsonOrThrow(text, file);
  if (!isObject(plain as Value)) throw new ParseError(file, 1, 'authorization details must be a JSON object with UserDetailList, GroupDetailList, RoleDetailList or Policies');
  const [doc] = parseYamlDocuments(text, file, { version: '1.2' });
  const root = doc!.value as ValueObject;
  const resources: Resource[] = [];
  const errors: ScanError[] = [];
  const fileLoc: Location = { file, startLine: 1, endLine: doc!.endLine };
  const entryLocations = locationsByEntry(doc!.locations);
  for (const spec of LISTS) {
    const list = root[spec.list];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push(toScanError(new ParseError(file, doc!.locations[spec.list]?.startLine ?? 1, `${spec.list} must be a list`), file, AUTH_DETAILS_SOURCE));
      continue;
    }
    list.forEach((entry, i) => {
      const path = `${spec.list}[${i}]`;
      const location = doc!.locations[path] ?? fileLoc;
      if (!isObject(entry) || typeof entry.Arn !== 'string' || typeof entry[spec.nameKey] !== 'string') {
        errors.push(toScanError(new ParseError(file, location.startLine, `${path} has no Arn or ${spec.nameKey}; entry skipped`), file, AUTH_DETAILS_SOURCE));
        return;
      }
      const attributes = structuredClone(entry) as ValueObject;
      const attributeLocations = entryLocations.get(path) ?? {};
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

/** Locations relative to each list entry (`RoleDetailList[3].RoleName` -> entry `RoleDetailList[3]`, path `RoleName`), in one pass. */
function locationsByEntry(locations: Record<string, Location>): Map<string, Record<string, Location>> {
  const out = new Map<string, Record<string, Location>>();
  for (const [k, v] of Object.entries(locations)) {
    const m = /^(\w+\[\d+\])\.(.+)$/.exec(k);
    if (!m) continue;
    let entry = out.get(m[1]!);
    if (!entry) out.set(m[1]!, (entry = {}));
    entry[m[2]!] = v;
  }
  return out;
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
  const attempts = [text];
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
