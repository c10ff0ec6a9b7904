import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Unknown, getPath, locate, type Resource, type Value } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { assignFiles, loadModel } from '../../scan/scan.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { SOURCES } from '../index.js';
import { cidrSubnets } from './cidr.js';
import { cloudformationSource } from './index.js';
import { CFN_OUTPUT_TYPE, CFN_PARAMETER_TYPE, parseTemplate as parseAll } from './template.js';

/** The template's resources only: Parameters and Outputs entries have their own tests below. */
const parseTemplate = (...args: Parameters<typeof parseAll>) => {
  const out = parseAll(...args);
  return { ...out, resources: out.resources.filter((r) => r.meta?.section === undefined) };
};

const dir = join(import.meta.dirname, 'testdata');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const byId = (rs: Resource[]) => new Map(rs.map((r) => [r.id, r]));
const refs = (r: Resource | undefined) => (r?.references ?? []).map((x) => `${x.attribute} -> ${x.target}${x.targetAttribute ? `.${x.targetAttribute}` : ''}`);
const line = (r: Resource | undefined, path: string) => (r ? locate(r, path).startLine : undefined);
const unknownReason = (v: Value | undefined) => (v instanceof Unknown ? v.reason : `known: ${JSON.stringify(v)}`);

function fakeFile(path: string, head: string): DiscoveredFile {
  return { path, displayPath: path, size: head.length, head };
}

describe('cloudformation source: YAML with every short-form tag', () => {
  const { resources, errors } = parseTemplate(read('all-tags.yaml'), 'all-tags.yaml');
  const r = byId(resources);

  it('loads every resource whose condition is not false, with type, provider and the whole block as location', () => {
    expect(errors).toEqual([]);
    expect(resources.map((x) => `${x.id} ${x.type} ${x.location.startLine}-${x.location.endLine}`)).toEqual([
      'Vpc AWS::EC2::VPC 33-39',
      'WebSg AWS::EC2::SecurityGroup 40-60',
      'Web AWS::EC2::Instance 61-80',
      'PublicSubnet AWS::EC2::Subnet 81-86',
      // DevOnlyBucket: condition IsDev is false with the default Env
      'MaybeBucket AWS::S3::Bucket 92-98',
    ]);
    expect(resources.every((x) => x.provider === 'aws' && x.source === 'cloudformation' && x.location.file === 'all-tags.yaml')).toBe(true);
  });

  it('evaluates !Ref to parameters (defaults, Number, CommaDelimitedList), !Sub, !Join, !FindInMap, !Select, !Split, !Cidr', () => {
    expect(getPath(r.get('Vpc')?.attributes, 'Tags[0].Value')).toBe('prod-vpc');
    expect(r.get('WebSg')?.attributes.GroupDescription).toBe('web prod');
    expect(getPath(r.get('WebSg')?.attributes, 'SecurityGroupIngress[0].FromPort')).toBe(22);
    expect(r.get('Web')?.attributes.ImageId).toBe('ami-0prod');
    expect(r.get('Web')?.attributes.SubnetId).toBe('subnet-b');
    expect(getPath(r.get('Web')?.attributes, 'Tags[0].Value')).toBe('a');
    expect(r.get('PublicSubnet')?.attributes.CidrBlock).toBe('10.0.2.0/24');
    // !Base64 keeps its input readable; NoEcho values are kept (checks mask them)
    expect(r.get('Web')?.attributes.UserData).toBe('#!/bin/bash\necho hunter2-not-real > /etc/app\n');
  });

  it('evaluates !If with !Equals, !Not, !And, !Condition and drops AWS::NoValue', () => {
    expect(getPath(r.get('WebSg')?.attributes, 'SecurityGroupIngress[0].CidrIp')).toBe('0.0.0.0/0');
    // the !If [IsDev, ..., !Ref AWS::NoValue] item is removed: the 443 rule moves to index 1
    const ingress = r.get('WebSg')?.attributes.SecurityGroupIngress as Value[];
    expect(ingress.length).toBe(2);
    expect(getPath(ingress, '[1].FromPort')).toBe(443);
    expect(r.get('PublicSubnet')?.attributes.MapPublicIpOnLaunch).toBe(true);
  });

  it('keeps what it cannot know as Unknown: parameters without a value, pseudo parameters, !GetAZs, !ImportValue, resources', () => {
    expect(unknownReason(getPath(r.get('WebSg')?.attributes, 'SecurityGroupIngress[1].CidrIp'))).toBe('parameter without a value');
    expect(unknownReason(r.get('WebSg')?.attributes.VpcId)).toBe('resource reference');
    expect(unknownReason(getPath(r.get('Web')?.attributes, 'SecurityGroupIds[0]'))).toBe('resource attribute');
    expect(unknownReason(getPath(r.get('Web')?.attributes, 'Tags[1].Value'))).toBe('Fn::Sub with unknown values');
    expect(unknownReason(getPath(r.get('Web')?.attributes, 'Tags[2].Value'))).toBe('value imported from another stack');
    expect(r.get('Web')?.attributes.AvailabilityZone).toBeInstanceOf(Unknown);
    expect(unknownReason(r.get('MaybeBucket')?.attributes.BucketName)).toBe('Fn::Sub with unknown values');
  });

  it('marks a resource whose condition cannot be decided', () => {
    expect(r.get('MaybeBucket')?.meta).toMatchObject({ conditionName: 'DevOrOpen', condition: 'unknown' });
    expect(r.get('Vpc')?.meta?.condition).toBeUndefined();
  });

  it('records references from !Ref, !GetAtt and DependsOn at the attribute that uses them', () => {
    expect(refs(r.get('WebSg'))).toEqual(['VpcId -> Vpc']);
    expect(refs(r.get('Web'))).toEqual(['SecurityGroupIds[0] -> WebSg.GroupId', 'DependsOn -> WebSg']);
    expect(refs(r.get('PublicSubnet'))).toEqual(['VpcId -> Vpc']);
  });

  it('locates attributes by paths relative to Properties, at exact lines, after evaluation', () => {
    const sg = r.get('WebSg');
    expect(line(sg, 'GroupDescription')).toBe(43);
    expect(line(sg, 'SecurityGroupIngress[0].CidrIp')).toBe(49);
    expect(line(sg, 'SecurityGroupIngress[1]')).toBe(57);
    expect(line(sg, 'SecurityGroupIngress[1].CidrIp')).toBe(60);
    expect(sg?.attributeLocations['SecurityGroupIngress[2]']).toBeUndefined();
    expect(sg?.attributeLocations['GroupDescription[0]']).toBeUndefined();
    expect(line(r.get('Web'), 'UserData')).toBe(70);
    expect(r.get('Web')?.attributeLocations.UserData?.endLine).toBe(73);
    expect(line(r.get('Web'), 'Tags[2].Value')).toBe(80);
    expect(line(r.get('MaybeBucket'), 'BucketName')).toBe(96);
    expect(line(r.get('Vpc'), 'NoSuchAttribute')).toBe(33);
  });

  it('applies parameter overrides from options.vars', () => {
    const out = parseTemplate(read('all-tags.yaml'), 'all-tags.yaml', { Env: 'dev', AdminCidr: '0.0.0.0/0', SshPort: '2222' });
    const o = byId(out.resources);
    expect(out.resources.map((x) => x.id)).toContain('DevOnlyBucket');
    expect(o.get('DevOnlyBucket')?.meta?.condition).toBe(true);
    const ingress = o.get('WebSg')?.attributes.SecurityGroupIngress as Value[];
    expect(ingress.map((i) => `${getPath(i, 'FromPort')} ${getPath(i, 'CidrIp')}`)).toEqual(['2222 10.0.0.0/8', '80 0.0.0.0/0', '443 0.0.0.0/0']);
    expect(line(o.get('WebSg'), 'SecurityGroupIngress[1].CidrIp')).toBe(55);
    expect(o.get('Web')?.attributes.ImageId).toBe('ami-0dev');
    expect(o.get('PublicSubnet')?.attributes.MapPublicIpOnLaunch).toBe(false);
    expect(o.get('MaybeBucket')?.attributes.BucketName).toBe('open-dev');
    expect(o.get('MaybeBucket')?.meta?.condition).toBe(true);
  });
});

describe('cloudformation source: YAML 1.1 scalars', () => {
  it('reads yes/no/on/off as booleans and 0755 as octal, keeps dates and 1:20 as strings', () => {
    const t = 'AWSTemplateFormatVersion: 2010-09-09\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: yes\n      B: off\n      C: 0755\n      D: 1:20\n      E: 2010-09-09\n';
    expect(parseTemplate(t, 'y.yaml').resources[0]?.attributes).toEqual({ A: true, B: false, C: 493, D: '1:20', E: '2010-09-09' });
  });
});

describe('cloudformation source: JSON with long forms', () => {
  const { resources, errors } = parseTemplate(read('long-forms.json'), 'long-forms.json');
  const r = byId(resources);

  it('evaluates Ref, Fn::If, Fn::FindInMap, Fn::Sub (both forms), Fn::Select, Fn::Split, Fn::Join', () => {
    expect(errors).toEqual([]);
    expect(resources.map((x) => `${x.id}:${x.location.startLine}-${x.location.endLine}`)).toEqual(['DbSg:16-29', 'Db:30-43', 'UserSecret:44-48']);
    const db = r.get('Db')?.attributes;
    expect(db?.DBInstanceClass).toBe('db.t3.micro');
    expect(db?.MasterUserPassword).toBe('app-changeme');
    expect(db?.DBName).toBe('app-${Literal}');
    expect(getPath(r.get('DbSg')?.attributes, 'SecurityGroupIngress[0].FromPort')).toBe(5432);
    expect(getPath(r.get('DbSg')?.attributes, 'SecurityGroupIngress[0].CidrIp')).toBe('10.0.0.0/8');
    // AWS::Region is a pseudo parameter: the joined value is unknown
    expect(unknownReason(r.get('DbSg')?.attributes.GroupDescription)).toBe('Fn::Join with unknown values');
    // Fn::If with the false branch AWS::NoValue removes the property
    expect('PubliclyAccessible' in (db ?? {})).toBe(false);
    expect(unknownReason(db?.MasterUsername)).toBe('parameter without a value');
  });

  it('reads tab-indented JSON with the same lines', () => {
    const tabbed = read('long-forms.json').replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2));
    const again = byId(parseTemplate(tabbed, 'tabs.json').resources);
    expect(line(again.get('Db'), 'MasterUserPassword')).toBe(37);
    expect(again.get('Db')?.attributes.MasterUserPassword).toBe('app-changeme');
  });

  it('records GetAtt (list and dotted forms), Ref inside Sub and DependsOn lists', () => {
    expect(refs(r.get('Db'))).toEqual(['VPCSecurityGroups[0] -> DbSg.GroupId', 'Tags[0].Value -> DbSg.VpcId', 'Tags[1].Value -> DbSg', 'DependsOn -> DbSg']);
  });

  it('locates JSON keys at their lines', () => {
    expect(line(r.get('DbSg'), 'SecurityGroupIngress[0].CidrIp')).toBe(25);
    expect(line(r.get('Db'), 'MasterUserPassword')).toBe(37);
    expect(line(r.get('Db'), 'PubliclyAccessible')).toBe(30);
  });

  it('keeps an undecidable resource condition as unknown, and decides it with overrides', () => {
    expect(r.get('UserSecret')?.meta?.condition).toBe('unknown');
    const withUser = byId(parseTemplate(read('long-forms.json'), 'long-forms.json', { DbUser: 'admin', Public: 'true' }).resources);
    expect(withUser.get('UserSecret')?.meta?.condition).toBe(true);
    expect(withUser.get('Db')?.attributes.PubliclyAccessible).toBe(true);
    expect(getPath(withUser.get('DbSg')?.attributes, 'SecurityGroupIngress[0].CidrIp')).toBe('0.0.0.0/0');
    const noUser = byId(parseTemplate(read('long-forms.json'), 'long-forms.json', { DbUser: '' }).resources);
    expect(noUser.has('UserSecret')).toBe(false);
  });
});

describe('cloudformation source: parameter files', () => {
  const template = join(dir, 'all-tags.yaml');
  const ingress = (rs: Resource[]) =>
    ((rs.find((x) => x.id === 'WebSg')?.attributes.SecurityGroupIngress ?? []) as Value[]).map((i) => `${getPath(i, 'FromPort')} ${getPath(i, 'CidrIp')}`);

  it('reads the CLI list and the CodePipeline format, later files and then --var winning', async () => {
    const res = await loadModel([template], { cwd: dir, varFiles: ['params/cli-params.json'] });
    expect(res.errors).toEqual([]);
    expect(ingress(res.resources)).toEqual(['22 10.0.0.0/8', '80 0.0.0.0/0', '443 10.9.0.0/16']);
    const both = await loadModel([template], { cwd: dir, varFiles: ['params/cli-params.json', 'params/pipeline-config.json'], vars: { SshPort: '2022' } });
    expect(ingress(both.resources)).toEqual(['2022 10.0.0.0/8', '80 0.0.0.0/0', '443 0.0.0.0/0']);
    const noVar = await loadModel([template], { cwd: dir, varFiles: ['params/cli-params.json', 'params/pipeline-config.json'] });
    expect(ingress(noVar.resources)).toEqual(['2200 10.0.0.0/8', '80 0.0.0.0/0', '443 0.0.0.0/0']);
  });

  it('reports a broken or missing parameter file with its line and still scans', async () => {
    const res = await loadModel([template], { cwd: dir, varFiles: ['params/broken-params.json', 'params/missing.json', 'terraform.tfvars'] });
    expect(res.errors.map((e) => `${e.kind} ${e.file}:${e.line ?? '-'} ${e.message}`)).toEqual([
      'config params/broken-params.json:3 invalid JSON in parameter file',
      'io params/missing.json:- cannot read parameter file: ENOENT',
    ]);
    expect(ingress(res.resources)).toEqual(['22 0.0.0.0/0', '443 <unknown: AdminCidr>']);
  });
});

describe('cloudformation source: SAM Globals', () => {
  const r = byId(parseTemplate(read('sam-globals.yaml'), 'sam-globals.yaml').resources);

  it('applies Globals as the SAM transform does: own scalars win, maps merge, lists append', () => {
    const api = r.get('Api');
    expect(api?.attributes.Runtime).toBe('python3.7');
    expect(api?.attributes.Timeout).toBe(10);
    expect(getPath(api?.attributes, 'Environment.Variables')).toEqual({ DB_PASSWORD: 'hunter2-not-real', STAGE: 'dev' });
    expect((api?.attributes.Layers as Value[]).length).toBe(2);
    expect(getPath(api?.attributes, 'Layers[1]')).toBe('arn:aws:lambda:eu-west-1:123456789012:layer:extra:1');
    expect(r.get('Worker')?.attributes.Runtime).toBe('python3.12');
    expect(r.get('Worker')?.attributes.Timeout).toBe(30);
    expect(r.get('Api')?.meta?.samGlobals).toBe('Function');
    // Globals.Function does not apply to other SAM types
    expect(r.get('SharedLayer')?.attributes).toEqual({ ContentUri: 'layer/' });
  });

  it('locates each merged value where it was written, and keeps references from Globals', () => {
    const api = r.get('Api');
    expect(line(api, 'Runtime')).toBe(4);
    expect(line(api, 'Timeout')).toBe(21);
    expect(line(api, 'Environment.Variables.DB_PASSWORD')).toBe(9);
    expect(line(api, 'Environment.Variables.STAGE')).toBe(24);
    expect(line(api, 'Layers[0]')).toBe(11);
    expect(line(api, 'Layers[1]')).toBe(26);
    expect(refs(api)).toEqual(['Layers[0] -> SharedLayer']);
    expect(line(r.get('Worker'), 'Runtime')).toBe(30);
  });
});

describe('cloudformation source: claims', () => {
  it('claims CloudFormation and SAM templates by their head', () => {
    for (const f of ['all-tags.yaml', 'long-forms.json', 'unknown-tag.yaml', 'sam.yaml']) {
      expect(cloudformationSource.claims(fakeFile(f, read(f))), f).toBe(true);
    }
    expect(cloudformationSource.claims(fakeFile('stack.template', read('all-tags.yaml')))).toBe(true);
    expect(cloudformationSource.claims(fakeFile('sam.yml', 'Transform:\n  - AWS::Serverless-2016-10-31\nResources: {}\n'))).toBe(true);
    expect(cloudformationSource.claims(fakeFile('cdk.template.json', '{"Resources":{"CDKMetadata":{"Type":"AWS::CDK::Metadata"}}}'))).toBe(true);
    expect(cloudformationSource.claims(fakeFile('stack.txt', read('all-tags.yaml')))).toBe(false);
    expect(cloudformationSource.claims(fakeFile('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n'))).toBe(false);
    expect(cloudformationSource.claims(fakeFile('values.yaml', 'Resources:\n  limits:\n    cpu: 1\n'))).toBe(false);
  });

  it('is registered before kubernetes, so a template never reaches the kubernetes source', () => {
    const head = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Manifest:\n    Type: AWS::EKS::Addon\n    Properties:\n      apiVersion: v1\n      kind: ConfigMap\n`;
    const assigned = assignFiles([fakeFile('t.yaml', head)], SOURCES);
    // the text-file secret scan reads every file alongside; no other source claims it
    expect([...assigned.keys()].map((s) => s.kind).filter((k) => k !== 'text')).toEqual(['cloudformation']);
  });
});

describe('cloudformation source: malformed input', () => {
  it('reports syntax errors, missing Type and unknown tags with file:line, and keeps the rest', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tetrad-cfn-'));
    for (const f of ['bad-syntax.yaml', 'bad-syntax.json', 'no-type.yaml', 'unknown-tag.yaml', 'sam.yaml']) cpSync(join(dir, f), join(tmp, f));
    const res = await loadModel([tmp], { cwd: tmp });
    const errors = res.errors.filter((e) => e.source === 'cloudformation').map((e) => `${e.file}:${e.line} ${e.message}`).sort();
    expect(errors).toEqual([
      'bad-syntax.json:6 invalid JSON: comma expected',
      expect.stringMatching(/^bad-syntax\.yaml:7 YAML syntax error: /),
      'no-type.yaml:3 resource Typeless has no Type',
      'unknown-tag.yaml:5 unknown tag !Frobnicate',
    ]);
    expect(res.resources.filter((x) => x.source === 'cloudformation').map((x) => `${x.location.file} ${x.id}`).sort()).toEqual(['no-type.yaml Kept', 'sam.yaml Fn', 'unknown-tag.yaml Fine']);
  });

  it('names Fn::ForEach and non-mapping Properties as errors, keeps an undecidable Properties as unknown', () => {
    const out = parseTemplate(read('odd-shapes.yaml'), 'odd-shapes.yaml');
    expect(out.errors.map((e) => e.message)).toEqual([
      'odd-shapes.yaml:9: Fn::ForEach::Queues: Fn::ForEach (AWS::LanguageExtensions) is not expanded; its resources are not scanned',
      'odd-shapes.yaml:19: resource ListProps: Properties is not a mapping',
    ]);
    const r = byId(out.resources);
    expect([...r.keys()]).toEqual(['Switched', 'Loop']);
    expect(r.get('Switched')?.meta?.properties).toBe('unknown');
    expect(r.get('Switched')?.attributes).toEqual({});
    // a condition that is not defined cannot be decided
    expect(r.get('Loop')?.meta?.condition).toBe('unknown');
    expect(unknownReason(r.get('Loop')?.attributes.QueueName)).toBe('condition cannot be decided');
    expect(parseTemplate(read('odd-shapes.yaml'), 'odd-shapes.yaml', { Mode: 'fast' }).resources[0]?.attributes).toEqual({ DelaySeconds: 0 });
  });

  it('never crashes on corrupted templates: resources or located ParseErrors only', () => {
    const sources = [read('all-tags.yaml'), read('long-forms.json')];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.nat(), fc.nat(), fc.constantFrom('', ':', '!', '[', '{', '"', '\n  - ', '!Ref', '!If [', '\t'), (which, a, b, insert) => {
        const text = sources[which] as string;
        const at = a % text.length;
        const cut = Math.min(text.length, at + (b % 40));
        const broken = text.slice(0, at) + insert + text.slice(cut);
        const lines = broken.split('\n').length;
        try {
          const out = parseTemplate(broken, 'x.yaml');
          for (const e of out.errors) expect(e.line).toBeGreaterThanOrEqual(1);
          for (const r of out.resources) expect(r.location.startLine).toBeLessThanOrEqual(lines);
        } catch (err) {
          expect(err).toBeInstanceOf(ParseError);
          expect((err as ParseError).line).toBeGreaterThanOrEqual(1);
          expect((err as ParseError).line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads every template of a multi-document YAML file; a document that is not one costs only itself', () => {
    const out = parseTemplate(read('multi-document.yaml'), 'multi-document.yaml');
    expect(out.errors.map((e) => e.message)).toEqual(['multi-document.yaml:12: not a CloudFormation template: the top level is not a mapping']);
    expect(out.resources.map((x) => `${x.id} ${x.location.startLine}`)).toEqual(['Empty 7', 'Logs 16']);
    // `Properties:` with nothing after it is a resource without properties
    expect(byId(out.resources).get('Empty')?.attributes).toEqual({});
    // each document has its own Parameters: Env is not defined in the second one
    expect(unknownReason(byId(out.resources).get('Logs')?.attributes.BucketName)).toBe('Fn::Sub with unknown values');
    expect(line(byId(out.resources).get('Logs'), 'BucketName')).toBe(19);
    expect(() => parseTemplate('- a\n---\n- b\n', 'lists.yaml')).toThrow(/lists.yaml:1: not a CloudFormation template/);
  });

  it('reads a JSON template saved with a byte order mark and CRLF line ends, at the right lines', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tetrad-cfn-bom-'));
    const text = ['{', '  "Resources": {', '    "Logs": {', '      "Type": "AWS::S3::Bucket",', '      "Properties": {', '        "BucketName": "logs"', '      }', '    }', '  }', '}', ''].join('\r\n');
    writeFileSync(join(tmp, 'bom.json'), `\uFEFF${text}`);
    const res = await loadModel([tmp], { cwd: tmp });
    expect(res.errors).toEqual([]);
    const logs = res.resources.find((x) => x.id === 'Logs');
    expect(logs?.attributes.BucketName).toBe('logs');
    expect(line(logs, 'BucketName')).toBe(6);
  });

  it('records which values came from a parameter Default and where that Default is written', () => {
    const text = [
      'Parameters:',
      '  Pw:',
      '    Type: String',
      '    NoEcho: true',
      '    Default: not-a-real-password',
      '  Given:',
      '    Type: String',
      '    Default: x',
      '  Empty:',
      '    Type: String',
      'Conditions:',
      '  Always: !Equals [a, a]',
      'Resources:',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      MasterUserPassword: !Ref Pw',
      '      MasterUsername: !If [Always, !Ref Pw, other]',
      '      DBName: !Sub "${Pw}-db"',
      '      DBInstanceIdentifier: !Ref Given',
      '      Engine: !Ref Empty',
      '',
    ].join('\n');
    const db = parseTemplate(text, 't.yaml', { Given: 'override' }).resources[0];
    // a direct Ref or a chosen Fn::If branch; not a Ref nested in Fn::Sub, an override, or a parameter without Default
    expect(db?.meta?.parameterDefaults).toEqual({
      MasterUserPassword: { parameter: 'Pw', file: 't.yaml', startLine: 5, endLine: 5 },
      MasterUsername: { parameter: 'Pw', file: 't.yaml', startLine: 5, endLine: 5 },
    });
    expect(line(db, 'MasterUserPassword')).toBe(17);
  });

  it('rejects a template without Resources or that is not a mapping', () => {
    expect(() => parseTemplate('AWSTemplateFormatVersion: "2010-09-09"\nParameters: {}\n', 't.yaml')).toThrow(/t\.yaml:1: CloudFormation template without a Resources mapping/);
    expect(() => parseTemplate('- a\n- b\n', 'l.yaml')).toThrow(/l\.yaml:1: not a CloudFormation template/);
  });
});

describe('Fn::Cidr', () => {
  it('splits IPv4 and IPv6 blocks like CloudFormation', () => {
    expect(cidrSubnets('10.0.0.0/16', 3, 8)).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    expect(cidrSubnets('192.168.1.5/24', 2, 4)).toEqual(['192.168.1.0/28', '192.168.1.16/28']);
    expect(cidrSubnets('2001:db8::/56', 2, 64)).toEqual(['2001:db8::/64', '2001:db8:0:1::/64']);
    expect(cidrSubnets('10.0.0.0/24', 3, 8)).toBeUndefined();
    expect(cidrSubnets('not-a-cidr', 1, 8)).toBeUndefined();
  });
});

describe('cloudformation source: Parameters and Outputs', () => {
  const text = [
    'AWSTemplateFormatVersion: "2010-09-09"', // 1
    'Parameters:', // 2
    '  DbPassword:', // 3
    '    Type: String', // 4
    '    NoEcho: true', // 5
    '  Env:', // 6
    '    Type: String', // 7
    '    Default: prod', // 8
    'Conditions:', // 9
    '  IsDev: !Equals [!Ref Env, dev]', // 10
    'Resources:', // 11
    '  Key:', // 12
    '    Type: AWS::IAM::AccessKey', // 13
    '    Properties:', // 14
    '      UserName: deploy', // 15
    'Outputs:', // 16
    '  Secret:', // 17
    '    Value: !GetAtt Key.SecretAccessKey', // 18
    '  DevOnly:', // 19
    '    Condition: IsDev', // 20
    '    Value: !Ref DbPassword', // 21
    '  NotAMapping: 3', // 22
  ].join('\n');
  const out = parseAll(text, 'p.yaml');

  it('adds one resource per parameter and output, with ids apart from logical ids and lines kept', () => {
    expect(out.errors).toEqual([]);
    expect(out.resources.map((x) => `${x.id} ${x.type} ${x.location.startLine}-${x.location.endLine}`)).toEqual([
      'Key AWS::IAM::AccessKey 12-15',
      `Parameters.DbPassword ${CFN_PARAMETER_TYPE} 3-5`,
      `Parameters.Env ${CFN_PARAMETER_TYPE} 6-8`,
      // DevOnly: condition IsDev is false; NotAMapping is not an output
      `Outputs.Secret ${CFN_OUTPUT_TYPE} 17-18`,
    ]);
    const r = byId(out.resources);
    expect(r.get('Parameters.DbPassword')?.attributes).toEqual({ Type: 'String', NoEcho: true });
    expect(line(r.get('Parameters.DbPassword'), 'NoEcho')).toBe(5);
    // an output's Value is kept as written, not evaluated
    expect(r.get('Outputs.Secret')?.attributes.Value).toEqual({ 'Fn::GetAtt': 'Key.SecretAccessKey' });
    expect(line(r.get('Outputs.Secret'), 'Value')).toBe(18);
    expect(r.get('Outputs.Secret')?.references).toEqual([]);
  });
});
