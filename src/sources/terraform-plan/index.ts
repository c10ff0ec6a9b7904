/**
 * The `terraform-plan` source: the JSON that `terraform show -json` prints for
 * a saved plan (`planned_values`, `resource_changes`, `configuration`,
 * `prior_state`) or for the current state (`values`).
 *
 * Resource shape (shared with the HCL `terraform` source):
 * - `id`: the resource address, `module.net.aws_vpc.main`, `aws_instance.web[0]`,
 *   `aws_instance.web["a"]`; `type`: the Terraform type, `data.<type>` for data
 *   sources; `name`: the resource name; `provider`: from the type prefix
 *   (`aws_` aws, `azurerm_`/`azuread_` azure, `google_` gcp, else the prefix).
 * - `attributes`: the resource's `values`, unchanged: provider schema names,
 *   nested blocks as arrays of objects. Attributes listed in
 *   `resource_changes[].change.after_unknown` are `Unknown('known after
 *   apply', '<address>.<path>')`. Sensitive values keep their value (checks mask
 *   evidence).
 * - `references`: from `configuration` expressions (`attribute` is the
 *   attribute path, `targetAttribute` the attribute read), following `var.*`
 *   into module calls and `module.x.output` into modules; `depends_on` too.
 *   In a state, from each resource's `depends_on`.
 * - `location`: the line of the resource's `"address"` key in
 *   `planned_values` (or `values`); `attributeLocations` is empty, since plan
 *   JSON has no per-attribute source lines worth pointing at.
 * - `meta`: `address`, `module`, `mode`, `index`, `providerName`, `kind`
 *   (`plan` | `state`) and, in a plan, `actions`.
 * Data sources read during planning (only in `prior_state`) are included too.
 */
import type { Resource } from '../../model/index.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { readSourceText } from '../../scan/read-text.js';
import type { Source, SourceOutput } from '../types.js';
import { parsePlanJson } from './plan-json.js';

export const terraformPlanSource: Source = {
  kind: 'terraform-plan',
  claims(file: DiscoveredFile): boolean {
    if (!file.path.toLowerCase().endsWith('.json')) return false;
    const head = file.head;
    if (/"format_version"\s*:/.test(head) && /"(planned_values|values|terraform_version)"\s*:/.test(head)) return true;
    // a plan re-serialised with sorted keys (`jq -S`) starts with applyable, checks, complete, configuration
    return /^\s*\{\s*"(applyable|checks|complete|configuration)"\s*:/.test(head) && /"provider_config"\s*:/.test(head);
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        const found = parsePlanJson(readSourceText(file), file.displayPath);
        for (const r of found) resources.push(r);
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, 'terraform-plan'));
      }
    }
    return { resources, errors };
  },
};

