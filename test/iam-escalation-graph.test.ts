import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATA_DIR } from '../src/checks/_lib/catalogue.js';
import { CATALOGUE_FILE, loadTechniques, parseTechniques } from '../src/graph/iam/escalation/catalogue.js';
import { runEscalationCase } from './support/escalation-cases.js';

describe('escalation technique catalogue', () => {
  it('loads and covers every technique issue #4 names', () => {
    const ids = loadTechniques().map((t) => t.id);
    for (const id of ['create-access-key', 'create-login-profile', 'update-login-profile', 'create-policy-version', 'set-default-policy-version', 'attach-user-policy', 'attach-group-policy', 'attach-role-policy', 'put-user-policy', 'put-group-policy', 'put-role-policy', 'add-user-to-group', 'update-assume-role-policy', 'passrole-ec2', 'passrole-lambda-invoke', 'passrole-lambda-event-source', 'passrole-cloudformation', 'passrole-datapipeline', 'passrole-glue-dev-endpoint', 'passrole-codebuild', 'passrole-sagemaker-notebook', 'passrole-sagemaker-training', 'passrole-sagemaker-processing', 'passrole-ecs-task', 'lambda-update-function-code', 'lambda-update-function-configuration', 'glue-update-dev-endpoint', 'cloudformation-update-stack', 'cloudformation-change-set', 'ssm-send-command', 'ssm-start-session', 'ec2-instance-connect', 'sagemaker-presigned-notebook-url', 'ec2-associate-instance-profile', 'ec2-replace-instance-profile', 'passrole-autoscaling-launch-configuration', 'passrole-autoscaling-launch-template', 'assume-role']) {
      expect(ids).toContain(id);
    }
  });

  it('rejects a malformed entry, naming the file and the field', () => {
    const text = readFileSync(join(DATA_DIR, CATALOGUE_FILE), 'utf8');
    const doc = parse(text) as { techniques: Array<Record<string, unknown>> };
    doc.techniques[0]!.category = 'magic';
    expect(() => parseTechniques(JSON.stringify(doc))).toThrow(/data\/iam-escalation-techniques\.yaml is invalid: techniques\.0\.category/);
    const dup = parse(text) as { techniques: Array<Record<string, unknown>> };
    dup.techniques.push(dup.techniques[0]!);
    expect(() => parseTechniques(JSON.stringify(dup))).toThrow(/unique/);
    const noArn = parse(text) as { techniques: Array<{ actions: Array<Record<string, unknown>> }> };
    const passrole = noArn.techniques.find((t) => t.actions.some((a) => a.on === 'new'))!;
    delete passrole.actions.find((a) => a.on === 'new')!.arn;
    expect(() => parseTechniques(JSON.stringify(noArn))).toThrow(/arn/);
  });
});

describe('escalation edges in the security graph', () => {
  it('holds can-become edges with technique, evidence and certainty; its shortest path matches', () => {
    const { account, result } = runEscalationCase({
      name: 'graph',
      users: {
        eve: { policies: [{ Statement: [{ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::111122223333:user/ops' }] }] },
        ops: { policies: [{ Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] }] },
      },
      roles: { admin: { trust: { aws: '111122223333' }, managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] } },
      expect: [],
    });
    const eve = account.findPrincipal('eve')!;
    const g = result.graph;
    expect(g.node(result.adminNode)?.kind).toBe('admin');
    const path = g.shortestPath(eve.id, (n) => n.kind === 'admin');
    expect(path?.map((e) => e.detail?.technique)).toEqual(['create-access-key', 'assume-role', 'administrator']);
    expect(path?.map((e) => e.certainty)).toEqual(['proven', 'unknown', 'proven']);
    expect(path?.[1]?.detail?.dependsOn).toBe('aws:SourceIp');
    expect(path?.[0]?.evidence[0]?.file).toBe('case.json');
    expect(result.paths.get(eve.id)?.edges.map((e) => e.technique)).toEqual(['create-access-key', 'assume-role', 'administrator']);
    expect(result.paths.get(eve.id)?.certainty).toBe('unknown');
  });
});
