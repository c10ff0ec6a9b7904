/**
 * Synthetic estates for the benchmarks: Terraform plan JSON and HCL trees with
 * a realistic mix of resources (security groups with rules, instances,
 * buckets, IAM policies, databases), some of them deliberately weak so that
 * checks have work to do.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Values = Record<string, unknown>;

function resourceAt(i: number): { type: string; name: string; values: Values } {
  const open = i % 7 === 0;
  switch (i % 5) {
    case 0:
      return {
        type: 'aws_security_group',
        name: `sg_${i}`,
        values: {
          name: `sg-${i}`,
          description: 'generated',
          vpc_id: `vpc-${i % 50}`,
          ingress: [
            { from_port: open ? 22 : 443, to_port: open ? 22 : 443, protocol: 'tcp', cidr_blocks: [open ? '0.0.0.0/0' : '10.0.0.0/8'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: 'in' },
          ],
          egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: 'out' }],
          tags: { Name: `sg-${i}`, team: `t${i % 13}` },
        },
      };
    case 1:
      return {
        type: 'aws_instance',
        name: `web_${i}`,
        values: {
          ami: 'ami-0123456789abcdef0',
          instance_type: 't3.micro',
          associate_public_ip_address: open,
          metadata_options: [{ http_tokens: open ? 'optional' : 'required', http_endpoint: 'enabled' }],
          root_block_device: [{ encrypted: true, volume_size: 20 }],
          tags: { Name: `web-${i}` },
        },
      };
    case 2:
      return { type: 'aws_s3_bucket', name: `bucket_${i}`, values: { bucket: `bucket-${i}`, force_destroy: false, tags: { Name: `bucket-${i}` } } };
    case 3:
      return {
        type: 'aws_iam_policy',
        name: `policy_${i}`,
        values: {
          name: `policy-${i}`,
          policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: open ? '*' : ['s3:GetObject'], Resource: open ? '*' : `arn:aws:s3:::bucket-${i}/*` }] }),
        },
      };
    default:
      return {
        type: 'aws_db_instance',
        name: `db_${i}`,
        values: {
          identifier: `db-${i}`,
          engine: 'postgres',
          engine_version: open ? '10.21' : '16.3',
          instance_class: 'db.t3.micro',
          allocated_storage: 20,
          publicly_accessible: open,
          storage_encrypted: true,
          username: 'app_owner',
          auto_minor_version_upgrade: true,
        },
      };
  }
}

/** A `terraform show -json` plan with n resources, a tenth of them inside modules. */
export function generatePlan(n: number, file: string): void {
  const root: Values[] = [];
  const modules = new Map<string, Values[]>();
  for (let i = 0; i < n; i++) {
    const r = resourceAt(i);
    const mod = i % 10 === 9 ? `module.app_${i % 100}` : undefined;
    const address = `${mod ? `${mod}.` : ''}${r.type}.${r.name}`;
    const entry = { address, mode: 'managed', type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 1, values: r.values, sensitive_values: {} };
    if (mod) modules.set(mod, [...(modules.get(mod) ?? []), entry]);
    else root.push(entry);
  }
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: {
      root_module: {
        resources: root,
        child_modules: [...modules].map(([address, resources]) => ({ address, resources })),
      },
    },
  };
  writeFileSync(file, JSON.stringify(plan, null, 2));
}

/** Attributes the AWS provider computes, known only after apply: `after_unknown` in a create plan. */
const COMPUTED: Record<string, string[]> = {
  aws_security_group: ['arn', 'id', 'owner_id', 'tags_all'],
  aws_instance: ['arn', 'id', 'availability_zone', 'instance_state', 'primary_network_interface_id', 'private_dns', 'private_ip', 'public_dns', 'public_ip', 'security_groups', 'subnet_id', 'tags_all', 'vpc_security_group_ids'],
  aws_s3_bucket: ['arn', 'bucket_domain_name', 'bucket_regional_domain_name', 'hosted_zone_id', 'id', 'region', 'tags_all'],
  aws_iam_policy: ['arn', 'id', 'policy_id', 'tags_all'],
  aws_db_instance: ['address', 'arn', 'endpoint', 'hosted_zone_id', 'id', 'port', 'resource_id', 'status', 'tags_all'],
};

/** A configuration expression as `terraform show -json` writes it: nested blocks as lists of expression maps. */
function expressionsOf(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    const isBlockList = Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null;
    out[k] = isBlockList ? (v as Values[]).map(expressionsOf) : { constant_value: v };
  }
  return out;
}

/**
 * The same estate as `generatePlan`, in the shape `terraform show -json` prints for a create
 * plan: one line, `planned_values` without the computed attributes, `resource_changes` with
 * `after` and `after_unknown`, and `configuration` with every expression (instances reference
 * the security group before them, so references are resolved as in a real plan).
 */
export function generateTerraformShowPlan(n: number, file: string): void {
  const root: Values[] = [];
  const modules = new Map<string, Values[]>();
  const changes: Values[] = [];
  const configRoot: Values[] = [];
  const configModules = new Map<string, Values[]>();
  for (let i = 0; i < n; i++) {
    const r = resourceAt(i);
    const modName = i % 10 === 9 ? `app_${i % 100}` : undefined;
    const mod = modName ? `module.${modName}` : undefined;
    const address = `${mod ? `${mod}.` : ''}${r.type}.${r.name}`;
    const base = { address, mode: 'managed', type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws' };
    const planned = { ...base, schema_version: 1, values: r.values, sensitive_values: { tags: {}, tags_all: {} } };
    if (mod) modules.set(mod, [...(modules.get(mod) ?? []), planned]);
    else root.push(planned);
    const afterUnknown: Values = {};
    for (const k of COMPUTED[r.type] ?? ['id']) afterUnknown[k] = true;
    changes.push({ ...base, ...(mod ? { module_address: mod } : {}), change: { actions: ['create'], before: null, after: r.values, after_unknown: afterUnknown, before_sensitive: false, after_sensitive: { tags: {}, tags_all: {} } } });
    const expressions = expressionsOf(r.values);
    // an instance uses the security group declared just before it (i - 1 is a group when i % 5 === 1)
    if (r.type === 'aws_instance') expressions.vpc_security_group_ids = { references: [`aws_security_group.sg_${i - 1}.id`, `aws_security_group.sg_${i - 1}`] };
    const config = { address: `${r.type}.${r.name}`, mode: 'managed', type: r.type, name: r.name, provider_config_key: mod ? `${modName}:aws` : 'aws', expressions, schema_version: 1 };
    if (modName) configModules.set(modName, [...(configModules.get(modName) ?? []), config]);
    else configRoot.push(config);
  }
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: { resources: root, child_modules: [...modules].map(([address, resources]) => ({ address, resources })) } },
    resource_changes: changes,
    configuration: {
      provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: 'eu-west-1' } } } },
      root_module: {
        resources: configRoot,
        module_calls: Object.fromEntries([...configModules].map(([name, resources]) => [name, { source: `./modules/${name}`, module: { resources } }])),
      },
    },
    timestamp: '2026-11-30T12:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
  writeFileSync(file, JSON.stringify(plan));
}

function hcl(value: unknown, indent: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => hcl(v, indent)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const inner = Object.entries(value as Values)
      .map(([k, v]) => `${indent}  ${k} = ${hcl(v, `${indent}  `)}`)
      .join('\n');
    return `{\n${inner}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function hclResource(i: number): string {
  const r = resourceAt(i);
  const lines = [`resource "${r.type}" "${r.name}" {`];
  for (const [k, v] of Object.entries(r.values)) {
    const isBlockList = Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null;
    if (isBlockList) {
      for (const block of v as Values[]) {
        lines.push(`  ${k} {`);
        for (const [bk, bv] of Object.entries(block)) lines.push(`    ${bk} = ${hcl(bv, '    ')}`);
        lines.push('  }');
      }
    } else lines.push(`  ${k} = ${hcl(v, '  ')}`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** An HCL tree: n resources spread over `files` .tf files in folders of 100 files. */
export function generateHclTree(n: number, files: number, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const perFile = Math.ceil(n / files);
  for (let f = 0; f < files; f++) {
    const folder = join(dir, `stack_${String(Math.floor(f / 100)).padStart(4, '0')}`);
    if (f % 100 === 0) mkdirSync(folder, { recursive: true });
    const parts: string[] = [];
    for (let j = 0; j < perFile; j++) {
      const i = f * perFile + j;
      if (i >= n) break;
      parts.push(hclResource(i));
    }
    writeFileSync(join(folder, `r${f}.tf`), parts.join('\n'));
  }
}
