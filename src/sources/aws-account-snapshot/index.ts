/**
 * An AWS account snapshot (`source: 'aws-account-snapshot'`): the JSON that
 * `aws iam get-account-password-policy` and `aws iam get-account-summary`
 * print.
 *
 * Claimed files: `.json` whose head has `"PasswordPolicy"` with one of its
 * fields (`MinimumPasswordLength`, `AllowUsersToChangePassword`,
 * `ExpirePasswords`), or `"SummaryMap"` with `"AccountMFAEnabled"` or
 * `"AccountAccessKeysPresent"`.
 *
 * Resources (attributes as the API writes them, locations per field):
 * - `type: 'aws-iam-account-password-policy'`, `id: 'account-password-policy:<file>'`:
 *   the `PasswordPolicy` object (`MinimumPasswordLength`, `PasswordReusePrevention`,
 *   `MaxPasswordAge`, `ExpirePasswords`, `Require*`, `HardExpiry`...);
 * - `type: 'aws-iam-account-summary'`, `id: 'account-summary:<file>'`: the
 *   `SummaryMap` object (`AccountMFAEnabled` 0/1, `AccountAccessKeysPresent`
 *   0/1, quotas and counts).
 *
 * Errors: invalid JSON is a parse error at its line (`parseJsonOrThrow`); a
 * `PasswordPolicy` or `SummaryMap` that is not an object is a parse error at
 * its line and gives no resource.
 */
import type { Resource, ValueObject } from '../../model/index.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import { parseJsonOrThrow } from '../shared/json-error.js';
import { parseYamlDocuments } from '../shared/yaml-values.js';
import type { Source, SourceOutput } from '../types.js';

export const PASSWORD_POLICY_TYPE = 'aws-iam-account-password-policy';
export const ACCOUNT_SUMMARY_TYPE = 'aws-iam-account-summary';

const KINDS = [
  { key: 'PasswordPolicy', type: PASSWORD_POLICY_TYPE, id: 'account-password-policy', name: 'account password policy' },
  { key: 'SummaryMap', type: ACCOUNT_SUMMARY_TYPE, id: 'account-summary', name: 'account summary' },
] as const;

export const accountSnapshotSource: Source = {
  kind: 'aws-account-snapshot',
  claims(file: DiscoveredFile): boolean {
    if (!/\.json$/i.test(file.path)) return false;
    const h = file.head;
    return (h.includes('"PasswordPolicy"') && /"(MinimumPasswordLength|AllowUsersToChangePassword|ExpirePasswords)"/.test(h)) || (h.includes('"SummaryMap"') && /"Account(MFAEnabled|AccessKeysPresent)"/.test(h));
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        const text = readSourceText(file);
        parseJsonOrThrow(text, file.displayPath);
        const [doc] = parseYamlDocuments(text, file.displayPath);
        if (!doc || doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) throw new ParseError(file.displayPath, 1, 'expected a JSON object');
        const top = doc.value as ValueObject;
        for (const kind of KINDS) {
          if (!(kind.key in top)) continue;
          const at = doc.locations[kind.key] ?? { file: file.displayPath, startLine: doc.startLine, endLine: doc.endLine };
          const body = top[kind.key];
          if (body === null || typeof body !== 'object' || Array.isArray(body)) {
            errors.push({ kind: 'parse', file: file.displayPath, line: at.startLine, message: `${kind.key} is not an object`, source: 'aws-account-snapshot' });
            continue;
          }
          const attributeLocations: Resource['attributeLocations'] = {};
          const prefix = `${kind.key}.`;
          for (const [path, loc] of Object.entries(doc.locations)) if (path.startsWith(prefix)) attributeLocations[path.slice(prefix.length)] = loc;
          resources.push({
            id: `${kind.id}:${file.displayPath}`,
            type: kind.type,
            provider: 'aws',
            source: 'aws-account-snapshot',
            name: kind.name,
            attributes: { ...(body as ValueObject) },
            location: at,
            attributeLocations,
            references: [],
          });
        }
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, 'aws-account-snapshot'));
      }
    }
    return { resources, errors };
  },
};
