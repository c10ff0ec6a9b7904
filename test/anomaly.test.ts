/**
 * Peer-group anomalies (src/ml/anomaly/): grouping by module instance, tag
 * set and namespace; the share threshold; explanations; and a small run of
 * the synthetic-fleet benchmark (recall and false positives).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckContext } from '../src/checks/engine/context.js';
import { detectAnomalies, scopeOf, tagSetOf, type AnomalyOptions } from '../src/ml/anomaly/index.js';
import { loadModel } from '../src/scan/scan.js';
import { runAnomalyBench } from '../bench/anomaly.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-anomaly-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

async function anomalies(options: AnomalyOptions = {}) {
  const { resources, errors } = await loadModel([dir], { cwd: dir });
  expect(errors).toEqual([]);
  const ctx = createCheckContext(resources);
  return detectAnomalies({ resources, referrersOf: (r) => ctx.referrersOf(r) }, options);
}

const sg = (name: string, port: number, cidrs: string[], tags = '') => `resource "aws_security_group" "${name}" {
  name = "${name}"${tags ? `\n  tags = { ${tags} }` : ''}
  ingress {
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = [${cidrs.map((c) => `"${c}"`).join(', ')}]
  }
}
`;

describe('peer groups', () => {
  it('explains the outlier in words: what it opens, what its siblings allow', async () => {
    let tf = '';
    for (let i = 0; i < 14; i++) tf += sg(`app_${i}`, 22, ['10.0.0.0/8']);
    tf += sg('app_14', 22, ['0.0.0.0/0']);
    write('prod/main.tf', tf);
    const found = await anomalies();
    expect(found.map((a) => a.message)).toEqual(['security group aws_security_group.app_14 has tcp/22 open to 0.0.0.0/0; its 14 peers in prod have tcp/22 open to 10.0.0.0/8']);
    expect(found[0]).toMatchObject({ kind: 'firewall', key: 'ingress tcp/22', peers: 14, sameRisk: 0, peerValues: [['10.0.0.0/8', 14]] });
    expect(found[0]!.fact.path).toBe('ingress[0].cidr_blocks');
  });

  it('allows up to maxShare of the peers to share the risk (10% by default)', async () => {
    let tf = '';
    for (let i = 0; i < 9; i++) tf += sg(`a_${i}`, 8080, ['10.0.0.0/8']);
    tf += sg('a_9', 8080, ['0.0.0.0/0']);
    tf += sg('a_10', 8080, ['0.0.0.0/0']);
    write('one/main.tf', tf);
    // each public group has 10 peers, 1 of them public too: 10%
    expect((await anomalies()).map((a) => `${a.resource.id} ${a.sameRisk}/${a.peers}`)).toEqual(['aws_security_group.a_10 1/10', 'aws_security_group.a_9 1/10']);
    expect(await anomalies({ maxShare: 0.05 })).toEqual([]);
  });

  it('needs minPeers siblings: five peers speak, four do not', async () => {
    let tf = '';
    for (let i = 0; i < 4; i++) tf += sg(`s_${i}`, 5432, ['10.0.0.0/8']);
    tf += sg('s_4', 5432, ['0.0.0.0/0']);
    write('small/main.tf', tf);
    expect(await anomalies()).toEqual([]);
    expect((await anomalies({ minPeers: 4 })).map((a) => a.resource.id)).toEqual(['aws_security_group.s_4']);
  });

  it('compares across folders by tag set, and names the tags', async () => {
    for (let i = 0; i < 6; i++) write(`svc-${i}/main.tf`, sg(`svc`, 443, [i === 5 ? '0.0.0.0/0' : '10.1.0.0/16'], 'team = "payments", env = "prod", Name = "svc-' + i + '"'));
    const found = await anomalies();
    expect(found).toHaveLength(1);
    expect(found[0]!.resource.location.file).toBe('svc-5/main.tf');
    expect(found[0]!.group).toBe('tagged env=prod, team=payments');
  });

  it('keeps two instances of one module apart', async () => {
    write('modules/fleet/main.tf', `variable "edge" { default = "10.0.0.0/8" }\n` + [0, 1, 2, 3, 4].map((i) => sg(`n_${i}`, 8443, ['10.0.0.0/8'])).join('') + sg('n_5', 8443, ['${var.edge}']));
    write('root/main.tf', `module "internal" {\n  source = "../modules/fleet"\n}\nmodule "edge" {\n  source = "../modules/fleet"\n  edge   = "0.0.0.0/0"\n}\n`);
    const { resources } = await loadModel([join(dir, 'root')], { cwd: dir });
    const scopes = new Set(resources.filter((r) => r.type === 'aws_security_group').map((r) => scopeOf(r)!.label));
    expect([...scopes].sort()).toEqual(['in module.edge (modules/fleet)', 'in module.internal (modules/fleet)']);
    const ctx = createCheckContext(resources);
    const found = detectAnomalies({ resources, referrersOf: (r) => ctx.referrersOf(r) });
    expect(found.map((a) => `${a.resource.id} ${a.group}`)).toEqual(['module.edge.aws_security_group.n_5 in module.edge (modules/fleet)']);
  });

  it('reads Kubernetes workloads per namespace: capabilities and host namespaces', async () => {
    const dep = (name: string, extra = '', pod = '') => `---
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop, labels: { app: ${name}, tier: web } }
spec:
  template:
    spec:${pod}
      containers:
        - name: c
          image: nginx@sha256:${'b'.repeat(64)}
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false${extra}
`;
    write('k8s/shop.yaml', [0, 1, 2, 3, 4].map((i) => dep(`web-${i}`)).join('') + dep('web-5', '\n            capabilities:\n              add: ["net_admin"]', '\n      hostPID: true'));
    const found = await anomalies();
    expect(found.map((a) => a.message)).toEqual([
      'workload Deployment/shop/web-5 has capabilities added (NET_ADMIN); its 5 peers in namespace shop have no added capabilities',
      'workload Deployment/shop/web-5 has hostPID on; its 5 peers in namespace shop have hostPID off',
    ]);
    const { resources } = await loadModel([dir], { cwd: dir });
    // the app label names the workload: the tag set is what is left
    expect(tagSetOf(resources[0]!)?.label).toBe('tagged tier=web');
  });

  it('never reports a resource for being safer than its peers', async () => {
    let tf = '';
    for (let i = 0; i < 8; i++) tf += `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}"\n  acl = "public-read"\n}\n`;
    tf += `resource "aws_s3_bucket" "private" {\n  bucket = "p"\n}\nresource "aws_s3_bucket_public_access_block" "private" {\n  bucket = aws_s3_bucket.private.id\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n`;
    write('b/main.tf', tf);
    expect(await anomalies()).toEqual([]);
  });
});

describe('synthetic fleets (bench/anomaly.ts, small)', () => {
  it('finds injected misconfigurations in comparable groups and reports few clean resources', async () => {
    const r = await runAnomalyBench({ seed: 11, groups: 8, minSize: 4, maxSize: 14 });
    expect(r.total.injected).toBeGreaterThan(5);
    expect(r.total.detectedComparable / r.total.injectedComparable).toBeGreaterThanOrEqual(0.9);
    // clean resources are reported only for intended exceptions (3% of them carry one)
    expect(r.total.falsePositives / r.total.clean).toBeLessThan(0.06);
  });
});
