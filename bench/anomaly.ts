/**
 * `npm run bench:anomaly`: recall and false-positive rate of the peer-group
 * anomaly detector (src/ml/anomaly/, checks TET-PORTS-045 and TET-PRIV-050)
 * on synthetic fleets with injected misconfigurations.
 *
 * The generator writes real input files (Terraform folders, one per module,
 * with security groups and S3 buckets; Kubernetes namespaces with
 * Deployments) and reads them back through the sources, so grouping works on
 * what the scan sees. Each group has a house style drawn at random (ports and
 * internal ranges; which bucket protections; which container hardening),
 * harmless variety (an extra internal port, another internal range, a
 * protection the house style lacks), and in about half of the groups one
 * member gets ONE injected misconfiguration: a port opened to 0.0.0.0/0, a
 * bucket protection removed or a public ACL, a privileged container,
 * hostNetwork, an added capability, root allowed. Besides, 3% of the other
 * resources (BENCH_EXCEPTIONS) carry an intended exception of the same sort
 * (a bastion's open port, a node agent's privileges): these are "clean" in
 * the figures, so the false-positive rate counts them when they are reported. Group sizes run from 2 to
 * 30, so some groups are below the minimum (5 peers) on purpose.
 *
 * Recall: injected resources reported on the injected fact / injected
 * resources (overall, and in groups large enough to compare). False-positive
 * rate: clean resources reported / clean resources.
 *
 * BENCH_SEED, BENCH_GROUPS change the run. Figures go to docs/anomalies.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCheckContext } from '../src/checks/engine/context.js';
import { detectAnomalies, DEFAULT_MIN_PEERS, type AnomalyOptions } from '../src/ml/anomaly/index.js';
import { mulberry32 } from '../src/ml/rng.js';
import { loadModel } from '../src/scan/scan.js';

export interface BenchOptions extends AnomalyOptions {
  seed?: number;
  /** groups per kind (security groups, buckets, workloads) */
  groups?: number;
  minSize?: number;
  maxSize?: number;
}

interface Injection {
  id: string;
  kind: 'firewall' | 'bucket' | 'workload';
  /** the fact key the detector should name */
  key: string;
  groupSize: number;
  /** first path segment of its file: sg-G, bucket-G or k8s */
  folder: string;
}

export interface KindFigures {
  resources: number;
  injected: number;
  detected: number;
  /** injected in groups with at least minPeers + 1 members */
  injectedComparable: number;
  detectedComparable: number;
  clean: number;
  falsePositives: number;
}

export interface BenchResult {
  seed: number;
  byKind: Record<Injection['kind'], KindFigures>;
  total: KindFigures;
  ms: { generate: number; load: number; detect: number };
}

const INTERNAL = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '10.20.0.0/16', '10.40.0.0/16'];
const PORTS = [22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9200, 27017];
const CAPS = ['NET_ADMIN', 'SYS_ADMIN', 'SYS_PTRACE', 'NET_RAW'];
/** share of clean resources that carry an intended, risky exception: what the detector cannot tell from a mistake */
const EXCEPTION_RATE = Number(process.env.BENCH_EXCEPTIONS ?? 0.03);

export function generateFleet(dir: string, o: BenchOptions = {}): Injection[] {
  const rnd = mulberry32(o.seed ?? 7);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const groups = o.groups ?? 40;
  const size = () => (o.minSize ?? 2) + int((o.maxSize ?? 30) - (o.minSize ?? 2) + 1);
  const injections: Injection[] = [];

  // --- security groups: one Terraform folder per module ---------------------------------
  for (let g = 0; g < groups; g++) {
    const n = size();
    const style = [...new Set([pick(PORTS), pick(PORTS), pick(PORTS)].slice(0, 1 + int(3)))].map((port) => ({ port, cidr: pick(INTERNAL) }));
    // a public web fleet: 443 from anywhere is the house style, not an anomaly
    if (chance(0.2)) style.push({ port: 443, cidr: '0.0.0.0/0' });
    const victim = chance(0.5) ? int(n) : -1;
    let tf = '';
    for (let i = 0; i < n; i++) {
      const rules = style.map((r) => ({ ...r }));
      if (chance(0.15)) rules.push({ port: pick(PORTS), cidr: pick(INTERNAL) }); // harmless variety
      if (chance(0.1) && rules[0]) rules[0].cidr = pick(INTERNAL);
      // an intended exception (a bastion, a partner endpoint): risky, not injected, counted as clean
      if (i !== victim && chance(EXCEPTION_RATE)) rules.push({ port: pick(PORTS), cidr: '0.0.0.0/0' });
      if (i === victim) {
        const publicInStyle = new Set(style.filter((r) => r.cidr === '0.0.0.0/0').map((r) => r.port));
        const candidates = rules.filter((r) => r.cidr !== '0.0.0.0/0' && !publicInStyle.has(r.port));
        if (candidates.length && chance(0.5)) pick(candidates).cidr = '0.0.0.0/0';
        else {
          const used = new Set(rules.map((r) => r.port));
          const port = pick(PORTS.filter((p) => !used.has(p)));
          rules.push({ port, cidr: '0.0.0.0/0' });
        }
      }
      // one rule per port: the detector keys facts by port, so duplicates merge
      const byPort = new Map<number, Set<string>>();
      for (const r of rules) (byPort.get(r.port) ?? byPort.set(r.port, new Set()).get(r.port)!).add(r.cidr);
      tf += `resource "aws_security_group" "sg_${i}" {\n  name = "g${g}-sg-${i}"\n`;
      for (const [port, cidrs] of byPort) tf += `  ingress {\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = [${[...cidrs].map((c) => `"${c}"`).join(', ')}]\n  }\n`;
      tf += '}\n';
      if (i === victim) {
        const publicPorts = [...byPort].filter(([p, c]) => c.has('0.0.0.0/0') && !style.some((s) => s.port === p && s.cidr === '0.0.0.0/0')).map(([p]) => p);
        injections.push({ id: `aws_security_group.sg_${i}`, kind: 'firewall', key: `ingress tcp/${publicPorts[0]}`, groupSize: n, folder: `sg-${g}` });
      }
    }
    mkdirSync(join(dir, `sg-${g}`), { recursive: true });
    writeFileSync(join(dir, `sg-${g}`, 'main.tf'), tf);
  }

  // --- S3 buckets ---------------------------------------------------------------------------
  const PROTECTIONS = ['public-access-block', 'encryption', 'versioning', 'logging'] as const;
  for (let g = 0; g < groups; g++) {
    const n = size();
    const style = new Set(PROTECTIONS.filter((_, k) => chance([0.9, 0.8, 0.6, 0.5][k]!)));
    const victim = chance(0.5) ? int(n) : -1;
    const injectable = [...style, 'acl'] as const;
    const injected = victim >= 0 ? pick(injectable) : undefined;
    let tf = '';
    for (let i = 0; i < n; i++) {
      const has = new Set(style);
      if (chance(0.15)) has.add(pick(PROTECTIONS)); // a stricter one now and then
      if (i !== victim && chance(EXCEPTION_RATE) && style.size) has.delete(pick([...style])); // an intended exception
      let acl = 'private';
      if (i === victim) {
        if (injected === 'acl') acl = pick(['public-read', 'public-read-write']);
        else has.delete(injected as (typeof PROTECTIONS)[number]);
        injections.push({ id: `aws_s3_bucket.b_${i}`, kind: 'bucket', key: injected!, groupSize: n, folder: `bucket-${g}` });
      }
      const b = `aws_s3_bucket.b_${i}.id`;
      tf += `resource "aws_s3_bucket" "b_${i}" {\n  bucket = "g${g}-bucket-${i}"\n}\n`;
      if (has.has('public-access-block')) tf += `resource "aws_s3_bucket_public_access_block" "b_${i}" {\n  bucket = ${b}\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n`;
      if (has.has('encryption')) tf += `resource "aws_s3_bucket_server_side_encryption_configuration" "b_${i}" {\n  bucket = ${b}\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n`;
      if (has.has('versioning')) tf += `resource "aws_s3_bucket_versioning" "b_${i}" {\n  bucket = ${b}\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`;
      if (has.has('logging')) tf += `resource "aws_s3_bucket_logging" "b_${i}" {\n  bucket = ${b}\n  target_bucket = "g${g}-logs"\n  target_prefix = "b${i}/"\n}\n`;
      tf += `resource "aws_s3_bucket_acl" "b_${i}" {\n  bucket = ${b}\n  acl = "${acl}"\n}\n`;
    }
    mkdirSync(join(dir, `bucket-${g}`), { recursive: true });
    writeFileSync(join(dir, `bucket-${g}`, 'main.tf'), tf);
  }

  // --- Kubernetes workloads: one namespace per group --------------------------------------------
  const HARDENING = ['runAsNonRoot', 'noEscalation', 'readOnlyRoot'] as const;
  const INJECT_WL: Record<string, string> = { privileged: 'privileged', hostNetwork: 'hostNetwork', capability: 'added capabilities', root: 'runs as non-root', escalation: 'privilege escalation' };
  let yaml = '';
  for (let g = 0; g < groups; g++) {
    const n = size();
    const style = new Set(HARDENING.filter((_, k) => chance([0.8, 0.7, 0.5][k]!)));
    const victim = chance(0.5) ? int(n) : -1;
    const options = ['privileged', 'hostNetwork', 'capability', ...(style.has('runAsNonRoot') ? ['root'] : []), ...(style.has('noEscalation') ? ['escalation'] : [])];
    const injected = victim >= 0 ? pick(options) : undefined;
    for (let i = 0; i < n; i++) {
      const has = new Set(style);
      if (chance(0.15)) has.add(pick(HARDENING));
      const sc: string[] = [];
      let hostNetwork = false;
      // an intended exception (a node agent): privileged or on the host network
      if (i !== victim && chance(EXCEPTION_RATE)) {
        if (chance(0.5)) sc.push('privileged: true');
        else hostNetwork = true;
      }
      if (i === victim) {
        if (injected === 'privileged') sc.push('privileged: true');
        if (injected === 'hostNetwork') hostNetwork = true;
        if (injected === 'capability') sc.push(`capabilities:\n                add: ["${pick(CAPS)}"]`);
        if (injected === 'root') has.delete('runAsNonRoot');
        if (injected === 'escalation') has.delete('noEscalation');
        injections.push({ id: `Deployment/ns-${g}/app-${i}`, kind: 'workload', key: INJECT_WL[injected!]!, groupSize: n, folder: 'k8s' });
      }
      if (has.has('runAsNonRoot')) sc.push('runAsNonRoot: true');
      if (has.has('noEscalation')) sc.push('allowPrivilegeEscalation: false');
      if (has.has('readOnlyRoot')) sc.push('readOnlyRootFilesystem: true');
      yaml += `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: ns-${g}\nspec:\n  selector:\n    matchLabels:\n      app: app-${i}\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n    spec:\n${hostNetwork ? '      hostNetwork: true\n' : ''}      containers:\n        - name: app\n          image: registry.example.com/app-${i}:1.0\n${sc.length ? `          securityContext:\n${sc.map((l) => `            ${l}`).join('\n')}\n` : ''}`;
    }
  }
  mkdirSync(join(dir, 'k8s'), { recursive: true });
  writeFileSync(join(dir, 'k8s', 'workloads.yaml'), yaml);
  return injections;
}

const empty = (): KindFigures => ({ resources: 0, injected: 0, detected: 0, injectedComparable: 0, detectedComparable: 0, clean: 0, falsePositives: 0 });

export async function runAnomalyBench(o: BenchOptions = {}): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tetrad-anomaly-'));
  try {
    const t0 = performance.now();
    const injections = generateFleet(dir, o);
    const t1 = performance.now();
    const { resources, errors } = await loadModel([dir], { cwd: dir });
    if (errors.length) throw new Error(`generated fleet did not parse: ${errors[0]!.file}: ${errors[0]!.message}`);
    const t2 = performance.now();
    const ctx = createCheckContext(resources);
    const anomalies = detectAnomalies({ resources, referrersOf: (r) => ctx.referrersOf(r) }, o);
    const t3 = performance.now();

    const minPeers = o.minPeers ?? DEFAULT_MIN_PEERS;
    const flagged = new Map<string, Set<string>>();
    for (const a of anomalies) (flagged.get(a.resource.id) ?? flagged.set(a.resource.id, new Set()).get(a.resource.id)!).add(a.key);
    const byKind = { firewall: empty(), bucket: empty(), workload: empty() };
    const kindOf = (type: string) => (type === 'aws_security_group' ? 'firewall' : type === 'aws_s3_bucket' ? 'bucket' : type === 'Deployment' ? 'workload' : undefined);
    // ids repeat across folders (the scan renames later ones ID@file:line): match by folder and address
    const resourceOf = new Map<string, string>();
    for (const r of resources) resourceOf.set(`${r.location.file.split('/')[0]}|${r.id.replace(/@.*$/, '')}`, r.id);
    const injectedResourceIds = new Set<string>();
    for (const inj of injections) {
      const id = resourceOf.get(`${inj.folder}|${inj.id}`);
      if (!id) throw new Error(`injected resource ${inj.folder}/${inj.id} not found in the model`);
      injectedResourceIds.add(id);
      const f = byKind[inj.kind];
      f.injected++;
      const hit = flagged.get(id)?.has(inj.key) ?? false;
      if (hit) f.detected++;
      if (inj.groupSize > minPeers) {
        f.injectedComparable++;
        if (hit) f.detectedComparable++;
      }
    }
    for (const r of resources) {
      const kind = kindOf(r.type);
      if (!kind) continue;
      byKind[kind].resources++;
      if (injectedResourceIds.has(r.id)) continue;
      byKind[kind].clean++;
      if (flagged.has(r.id)) byKind[kind].falsePositives++;
    }
    const total = empty();
    for (const f of Object.values(byKind)) for (const k of Object.keys(total) as (keyof KindFigures)[]) total[k] += f[k];
    return { seed: o.seed ?? 7, byKind, total, ms: { generate: Math.round(t1 - t0), load: Math.round(t2 - t1), detect: Math.round(t3 - t2) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pctOf = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

export function formatBench(r: BenchResult): string {
  const rows = [...Object.entries(r.byKind), ['all', r.total] as const].map(
    ([k, f]) =>
      `| ${k} | ${f.resources} | ${f.injected} | ${pctOf(f.detected, f.injected)} | ${f.injectedComparable} | ${pctOf(f.detectedComparable, f.injectedComparable)} | ${f.falsePositives} / ${f.clean} (${pctOf(f.falsePositives, f.clean)}) |`,
  );
  return [
    `seed ${r.seed}: generate ${r.ms.generate} ms, load ${r.ms.load} ms, detect ${r.ms.detect} ms`,
    '| kind | resources | injected | recall (all) | injected in groups ≥ 6 | recall (groups ≥ 6) | false positives / clean |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seeds = (process.env.BENCH_SEED ?? '7,8,9').split(',').map(Number);
  const groups = Number(process.env.BENCH_GROUPS ?? 40);
  for (const seed of seeds) console.log(formatBench(await runAnomalyBench({ seed, groups })), '\n');
}
