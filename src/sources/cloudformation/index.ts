/**
 * The `cloudformation` source: CloudFormation (and SAM) templates in JSON or
 * YAML, with short-form tags (`!Ref`, `!GetAtt`, `!Sub`, ...) and long forms
 * (`{"Fn::GetAtt": [...]}`).
 *
 * Resource shape:
 * - `id` and `name`: the logical id; `type`: the CloudFormation type
 *   (`AWS::EC2::SecurityGroup`); `provider`: `aws`.
 * - `attributes`: the resource's `Properties` with intrinsic functions
 *   evaluated (see `intrinsics.ts`): parameters take `--var name=value`
 *   overrides, then values from `--var-file` parameter files (CLI list or
 *   CodePipeline `{"Parameters": {...}}` JSON), else their `Default`; anything not decidable from the template
 *   alone (resource attributes, pseudo parameters, parameters without a value,
 *   conditions over them) is an `Unknown`. `AWS::NoValue` removes the property.
 *   `Fn::Base64` yields its input unencoded.
 * - `attributeLocations`: keyed by paths relative to `Properties`
 *   (`SecurityGroupIngress[0].CidrIp`), after evaluation (an `Fn::If` branch
 *   points at the branch, a removed list item shifts the indexes after it).
 * - `location`: the resource's whole block, from its logical id to its end.
 * - `references`: every `Ref`/`Fn::GetAtt` (also inside `Fn::Sub`) to another
 *   resource, at the attribute path where it is used, and `DependsOn`.
 * - `meta`: `logicalId`; `conditionName` and `condition` (`true` or
 *   `'unknown'`) when the resource has a `Condition`; a resource whose
 *   condition is false is not loaded. `deletionPolicy`, `updateReplacePolicy`;
 *   `properties: 'unknown'` when the whole `Properties` is an undecidable
 *   `Fn::If` (attributes are then empty). `parameterDefaults`: for each
 *   attribute path whose value is a parameter's `Default` (a direct `Ref`, or
 *   one in a chosen `Fn::If` branch), the parameter and the location of that
 *   Default, so a secret check can point at the line where it is written.
 *   `Fn::ForEach` resources are not expanded: an error names them.
 * Template `Parameters` and `Outputs` entries are resources too (see
 * `sectionResources` in `template.ts`): type `AWS::CloudFormation::Parameter` /
 * `AWS::CloudFormation::Output`, id `Parameters.<name>` / `Outputs.<name>`,
 * the entry as written for attributes (not evaluated), `meta.section`.
 * A file of several YAML documents is read document by document; a UTF-8
 * byte order mark is dropped when the file is read.
 * SAM resources (`AWS::Serverless::*`) keep their SAM type; `Globals` are
 * applied to them as the transform does (`meta.samGlobals` names the section),
 * but the transform itself is not expanded.
 */
import type { Resource } from '../../model/index.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { readSourceText } from '../../scan/read-text.js';
import type { Source, SourceOptions, SourceOutput } from '../types.js';
import { readParameterFiles } from './parameter-files.js';
import { parseTemplate } from './template.js';

const CFN_EXT = /\.(json|ya?ml|template)$/i;

/** True when a file's first bytes look like a CloudFormation or SAM template. */
export function looksLikeCloudFormation(head: string): boolean {
  if (/AWSTemplateFormatVersion/.test(head)) return true;
  if (/["']?Transform["']?\s*:\s*\[?\s*(?:-\s*)?["']?AWS::Serverless/.test(head)) return true;
  // YAML: a top-level Resources mapping with an entry typed AWS::...
  if (/^Resources\s*:/m.test(head) && /^\s+Type\s*:\s*["']?AWS::/m.test(head)) return true;
  // JSON
  return /"Resources"\s*:/.test(head) && /"Type"\s*:\s*"AWS::/.test(head);
}

export const cloudformationSource: Source = {
  kind: 'cloudformation',
  claims(file: DiscoveredFile): boolean {
    return CFN_EXT.test(file.path) && looksLikeCloudFormation(file.head);
  },
  async load(files: DiscoveredFile[], options: SourceOptions): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    // parameter files first, then --var name=value
    const overrides = { ...readParameterFiles(options.varFiles, options.cwd, errors), ...options.vars };
    for (const file of files) {
      try {
        const out = parseTemplate(readSourceText(file), file.displayPath, overrides);
        resources.push(...out.resources);
        errors.push(...out.errors.map((e) => toScanError(e, file.displayPath, 'cloudformation')));
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, 'cloudformation'));
      }
    }
    return { resources, errors };
  },
};

