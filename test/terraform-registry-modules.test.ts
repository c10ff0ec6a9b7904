import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUnknown, type Resource } from '../src/model/index.js';
import { loadModel } from '../src/scan/scan.js';
import { registryAddress } from '../src/sources/terraform/registry-modules.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function model(tf: string): Promise<{ resources: Resource[]; errors: unknown[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tetrad-registry-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'main.tf'), tf);
  const { resources, errors } = await loadModel([dir], { cwd: dir });
  return { resources: resources.filter((r) => !r.type.startsWith('provider.')), errors };
}

describe('registry module stand-ins', () => {
  it('normalises registry addresses', () => {
    expect(registryAddress('registry.terraform.io/terraform-aws-modules/rds/aws')).toBe('terraform-aws-modules/rds/aws');
    expect(registryAddress('terraform-aws-modules/security-group/aws//modules/ssh')).toBe('terraform-aws-modules/security-group/aws');
  });

  it('turns a security-group module call into an aws_security_group with located ingress rules', async () => {
    const { resources } = await model(
      [
        'module "sg" {',
        '  source = "terraform-aws-modules/security-group/aws"',
        '  name   = "web"',
        '  ingress_with_cidr_blocks = [',
        '    { from_port = 22, to_port = 22, protocol = "tcp", cidr_blocks = "10.0.0.0/8, 0.0.0.0/0" },',
        '  ]',
        '  ingress_cidr_blocks = ["192.0.2.0/24"]',
        '  ingress_rules       = ["rdp-tcp", "no-such-rule"]',
        '}',
      ].join('\n'),
    );
    expect(resources.map((r) => r.id)).toEqual(['module.sg.aws_security_group.this']);
    const sg = resources[0]!;
    expect(sg.meta?.registryModule).toBe('terraform-aws-modules/security-group/aws');
    const ingress = sg.attributes.ingress as Array<Record<string, unknown>>;
    expect(ingress[0]).toMatchObject({ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'] });
    expect(ingress[1]).toMatchObject({ from_port: 3389, to_port: 3389, protocol: 'tcp', cidr_blocks: ['192.0.2.0/24'] });
    expect(isUnknown(ingress[2]!.from_port)).toBe(true);
    expect(sg.attributeLocations['ingress[0].cidr_blocks']?.startLine).toBe(5);
    expect(sg.attributeLocations['ingress[1].cidr_blocks']?.startLine).toBe(7);
    expect(sg.network?.some((r) => r.peers.some((p) => p.kind === 'cidr' && p.cidr === '0.0.0.0/0'))).toBe(true);
  });

  it('marks arguments the module defaults itself as unknown rather than absent', async () => {
    const { resources } = await model('module "vm" {\n  source = "terraform-aws-modules/ec2-instance/aws"\n  ami    = "ami-0123456789abcdef0"\n}\n');
    const vm = resources.find((r) => r.type === 'aws_instance')!;
    expect(vm.id).toBe('module.vm.aws_instance.this');
    expect(isUnknown(vm.attributes.metadata_options)).toBe(true);
    const { resources: given } = await model('module "vm" {\n  source = "terraform-aws-modules/ec2-instance/aws"\n  metadata_options = { http_tokens = "optional" }\n}\n');
    expect(given[0]!.attributes.metadata_options).toEqual([{ http_tokens: 'optional' }]);
    expect(given[0]!.attributeLocations['metadata_options[0].http_tokens']?.startLine).toBe(3);
  });

  it('expands count and keeps an s3 policy only when the module attaches it', async () => {
    const { resources } = await model(
      [
        'module "b" {',
        '  count  = 2',
        '  source = "terraform-aws-modules/s3-bucket/aws"',
        '  acl    = "public-read"',
        '  policy = "{}"',
        '}',
      ].join('\n'),
    );
    expect(resources.map((r) => r.id)).toEqual(['module.b[0].aws_s3_bucket.this', 'module.b[1].aws_s3_bucket.this']);
    expect(resources[0]!.attributes.acl).toBe('public-read');
    expect(resources[0]!.attributes.policy).toBeUndefined();
  });

  it('turns an sns module call into a topic whose policy is built from topic_policy_statements', async () => {
    const { resources } = await model(
      [
        'module "alerts" {',
        '  source = "terraform-aws-modules/sns/aws"',
        '  name   = "alerts"',
        '  topic_policy_statements = {',
        '    anyone = {',
        '      actions    = ["sns:Publish"]',
        '      principals = [{ type = "AWS", identifiers = ["*"] }]',
        '    }',
        '    scoped = {',
        '      actions    = ["sns:Subscribe"]',
        '      principals = [{ type = "AWS", identifiers = ["*"] }]',
        '      conditions = [{ test = "StringEquals", variable = "aws:PrincipalOrgID", values = ["o-abc"] }]',
        '    }',
        '  }',
        '}',
        'module "ignored" {',
        '  source       = "terraform-aws-modules/sns/aws"',
        '  topic_policy = "{}"',
        '}',
        'module "attached" {',
        '  source              = "terraform-aws-modules/sns/aws"',
        '  create_topic_policy = false',
        '  topic_policy        = "{}"',
        '}',
      ].join('\n'),
    );
    const [alerts, ignored, attached] = resources;
    expect(alerts!.id).toBe('module.alerts.aws_sns_topic.this');
    expect(alerts!.attributes.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['sns:Publish'], Resource: '*', Principal: { AWS: ['*'] } },
        { Effect: 'Allow', Action: ['sns:Subscribe'], Resource: '*', Principal: { AWS: ['*'] }, Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-abc'] } } },
      ],
    });
    expect(alerts!.attributeLocations['policy.Statement[0].Principal']?.startLine).toBe(7);
    // topic_policy is attached only when create_topic_policy = false
    expect(ignored!.attributes.policy).toBeUndefined();
    expect(attached!.attributes.policy).toBe('{}');
  });

  it('leaves other remote modules out and survives malformed inputs', async () => {
    const { resources, errors } = await model(
      [
        'module "x" {',
        '  source = "example-org/thing/aws"',
        '}',
        'module "sg" {',
        '  source = "terraform-aws-modules/security-group/aws"',
        '  ingress_with_cidr_blocks = "not a list"',
        '  ingress_rules = [42]',
        '}',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(resources.map((r) => r.id)).toEqual(['module.sg.aws_security_group.this']);
    expect(isUnknown((resources[0]!.attributes.ingress as Array<Record<string, unknown>>)[0]!.protocol)).toBe(true);
  });
});
