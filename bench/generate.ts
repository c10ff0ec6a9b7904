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
