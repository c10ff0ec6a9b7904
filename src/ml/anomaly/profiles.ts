/**
 * Peer-group anomalies (issue #7 part 7): what is compared per resource kind.
 *
 * A profile turns one resource into named facts (`key → value`), each marked
 * `risky` when that value is the less safe one (open to the internet, public,
 * unencrypted, privileged...). Only risky facts can make an outlier: a
 * resource that is *safer* than its siblings is never reported.
 */
import type { NetworkRule, Resource, Value } from '../../model/index.js';
import { asBool, getPath, isObject, isUnknown } from '../../model/index.js';
import { isInternet } from '../../checks/_lib/exposure.js';
import { containersOf, podSpecOf, workloads } from '../../checks/_lib/kubernetes.js';
import { effectiveSetting } from '../../checks/_lib/k8s-security-context.js';

export interface Fact {
  value: string;
  risky: boolean;
  /** attribute path that holds it, for the finding's line */
  path?: string;
}

export interface ModelView {
  resources: readonly Resource[];
  referrersOf(r: Resource): readonly Resource[];
  /** resources of one native type in model order (the check context's index), when the view has one */
  ofType?(type: string): readonly Resource[];
}

/**
 * The resources of the given types in model order: from the view's type index when at most one of
 * the types is present (its list is then in model order, as a filter gives it), else by a filter.
 */
function membersOfTypes(view: ModelView, types: ReadonlySet<string>): Resource[] {
  if (view.ofType) {
    const lists = [...types].map((t) => view.ofType!(t)).filter((l) => l.length > 0);
    if (lists.length <= 1) return lists.length ? [...lists[0]!] : [];
  }
  return view.resources.filter((r) => types.has(r.type));
}

export interface Profile {
  /** the kind compared: resources of one kind are only compared with each other */
  kind: 'firewall' | 'bucket' | 'workload';
  /** "security group", "S3 bucket", "workload" */
  noun: string;
  members(view: ModelView): Resource[];
  facts(r: Resource, view: ModelView): Map<string, Fact>;
  /**
   * The keys of the facts `facts(r)` marks risky, and nothing else, when that is cheaper to
   * learn than the facts themselves: a group in which no member is a rare risk is then skipped
   * without its facts (on a large estate most groups are). Optional: without it, the facts decide.
   */
  riskyKeys?(r: Resource, view: ModelView): Iterable<string>;
  /** what a resource with this value has, as a noun phrase: "tcp/22 open to 0.0.0.0/0", "no public access block" */
  describe(key: string, value: string): string;
}

// --- firewalls ----------------------------------------------------------------

const FIREWALL_OWNERS = new Set(['aws_security_group', 'AWS::EC2::SecurityGroup', 'azurerm_network_security_group', 'google_compute_firewall']);
/** rule resources attached to an owner by reference */
const ATTACHED_RULES = new Set(['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'AWS::EC2::SecurityGroupIngress', 'azurerm_network_security_rule']);

function peerText(rule: NetworkRule): string[] {
  return rule.peers.map((p) => (p.kind === 'cidr' ? p.cidr : p.kind === 'service-tag' ? p.tag : p.kind === 'unknown' ? '(unresolved)' : p.ref));
}

function portsKey(rule: NetworkRule): string | undefined {
  if (isUnknown(rule.protocol) || isUnknown(rule.ports)) return undefined;
  const ports = rule.ports.map((r) => (r.from === r.to ? `${r.from}` : r.from === 0 && r.to === 65535 ? 'all ports' : `${r.from}-${r.to}`)).join(',');
  return `${rule.protocol}/${ports || 'all ports'}`;
}

const NO_KEYS: readonly string[] = Object.freeze([]);

const firewall: Profile = {
  kind: 'firewall',
  noun: 'security group',
  members: (view) => membersOfTypes(view, FIREWALL_OWNERS),
  facts(r, view) {
    const rules: { rule: NetworkRule; owner: Resource }[] = (r.network ?? []).map((rule) => ({ rule, owner: r }));
    for (const o of view.referrersOf(r)) if (ATTACHED_RULES.has(o.type)) for (const rule of o.network ?? []) rules.push({ rule, owner: o });
    const byKey = new Map<string, { peers: Set<string>; risky: boolean; path?: string }>();
    for (const { rule, owner } of rules) {
      if (rule.direction !== 'ingress' || rule.action !== 'allow' || rule.disabled) continue;
      const key = portsKey(rule);
      if (!key) continue;
      let e = byKey.get(key);
      if (!e) byKey.set(key, (e = { peers: new Set(), risky: false }));
      for (const p of peerText(rule)) e.peers.add(p);
      const open = rule.peers.some(isInternet);
      if (open && !e.risky && owner === r) e.path = rule.peersPath ?? rule.attributePath;
      e.risky ||= open;
    }
    const out = new Map<string, Fact>();
    for (const [key, e] of byKey) out.set(`ingress ${key}`, { value: [...e.peers].sort().join(', '), risky: e.risky, path: e.path });
    return out;
  },
  riskyKeys(r, view) {
    // the same rules as facts() above; a key is risky when one of its rules is open to the internet.
    // Most groups have none: the set is made only for the first risky rule (20k groups in a big plan)
    let out: Set<string> | undefined;
    const visit = (rules: readonly NetworkRule[] | undefined): void => {
      if (rules === undefined) return;
      for (const rule of rules) {
        if (rule.direction !== 'ingress' || rule.action !== 'allow' || rule.disabled || !rule.peers.some(isInternet)) continue;
        const key = portsKey(rule);
        if (key) (out ??= new Set()).add(`ingress ${key}`);
      }
    };
    visit(r.network);
    for (const o of view.referrersOf(r)) if (ATTACHED_RULES.has(o.type)) visit(o.network);
    return out ?? NO_KEYS;
  },
  describe(key, value) {
    const what = key.replace(/^ingress /, '');
    return value === NONE ? `${what} not open` : `${what} open to ${value}`;
  },
};

// --- buckets ------------------------------------------------------------------

const BUCKET_SETTINGS: Record<string, string> = {
  aws_s3_bucket_public_access_block: 'public-access-block',
  aws_s3_bucket_server_side_encryption_configuration: 'encryption',
  aws_s3_bucket_versioning: 'versioning',
  aws_s3_bucket_logging: 'logging',
  aws_s3_bucket_acl: 'acl',
};
const PAB_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const PAB_FLAGS_CFN = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

const truthy = (v: Value | undefined) => asBool(v) === true;

function bucketFacts(r: Resource, view: ModelView): Map<string, Fact> {
  const out = new Map<string, Fact>();
  const set = (key: string, value: string, risky: boolean, path?: string) => out.set(key, { value, risky, path });
  if (r.type === 'AWS::S3::Bucket') {
    const a = r.attributes;
    const pab = getPath(a, 'PublicAccessBlockConfiguration');
    const on = isObject(pab) ? PAB_FLAGS_CFN.filter((f) => truthy(pab[f])).length : 0;
    set('public-access-block', on === 4 ? 'all four settings on' : on === 0 ? 'none' : `${on} of 4 settings on`, on < 4, isObject(pab) ? 'PublicAccessBlockConfiguration' : undefined);
    const enc = getPath(a, 'BucketEncryption');
    set('encryption', enc !== undefined ? 'configured' : 'not configured', enc === undefined);
    const ver = getPath(a, 'VersioningConfiguration.Status');
    set('versioning', ver === 'Enabled' ? 'enabled' : 'not enabled', ver !== 'Enabled', ver !== undefined ? 'VersioningConfiguration.Status' : undefined);
    const acl = getPath(a, 'AccessControl');
    const aclText = typeof acl === 'string' ? acl : 'Private';
    set('acl', aclText, /public/i.test(aclText), acl !== undefined ? 'AccessControl' : undefined);
    return out;
  }
  // Terraform: settings as separate resources pointing at the bucket (AWS provider ≥ 4), or inline (older)
  const settings = new Map<string, Resource>();
  for (const o of view.referrersOf(r)) {
    const k = BUCKET_SETTINGS[o.type];
    if (k && !settings.has(k)) settings.set(k, o);
  }
  const a = r.attributes;
  const pab = settings.get('public-access-block');
  const on = pab ? PAB_FLAGS.filter((f) => truthy(pab.attributes[f])).length : 0;
  set('public-access-block', on === 4 ? 'all four settings on' : on === 0 ? 'none' : `${on} of 4 settings on`, on < 4);
  const encInline = Array.isArray(a.server_side_encryption_configuration) && a.server_side_encryption_configuration.length > 0;
  const enc = settings.has('encryption') || encInline;
  set('encryption', enc ? 'configured' : 'not configured', !enc);
  const verRes = settings.get('versioning');
  const verStatus = verRes ? getPath(verRes.attributes, 'versioning_configuration[0].status') : getPath(a, 'versioning[0].enabled');
  const versioned = verStatus === 'Enabled' || verStatus === true;
  set('versioning', versioned ? 'enabled' : 'not enabled', !versioned, !verRes && getPath(a, 'versioning') !== undefined ? 'versioning' : undefined);
  const logged = settings.has('logging') || (Array.isArray(a.logging) && a.logging.length > 0);
  set('logging', logged ? 'enabled' : 'not enabled', !logged);
  const aclRes = settings.get('acl');
  const acl = aclRes ? aclRes.attributes.acl : a.acl;
  const aclText = typeof acl === 'string' ? acl : 'private';
  set('acl', aclText, /public/i.test(aclText), !aclRes && typeof a.acl === 'string' ? 'acl' : undefined);
  return out;
}

const BUCKET_TYPES = new Set(['aws_s3_bucket', 'AWS::S3::Bucket']);

const bucket: Profile = {
  kind: 'bucket',
  noun: 'S3 bucket',
  members: (view) => membersOfTypes(view, BUCKET_TYPES),
  facts: bucketFacts,
  describe(key, value) {
    switch (key) {
      case 'public-access-block':
        return value === 'none' ? 'no public access block' : `a public access block with ${value}`;
      case 'acl':
        return `the ${value} ACL`;
      default:
        return `${key} ${value}`;
    }
  },
};

// --- Kubernetes workloads -------------------------------------------------------

function workloadFacts(r: Resource): Map<string, Fact> {
  const out = new Map<string, Fact>();
  const pod = podSpecOf(r);
  if (!pod) return out;
  const flag = (key: string, path: string, riskyWhenTrue: boolean) => {
    const v = asBool(getPath(r.attributes, path));
    if (isUnknown(v)) return;
    const yes = v === true;
    out.set(key, { value: yes ? 'true' : 'false', risky: yes === riskyWhenTrue, path: getPath(r.attributes, path) !== undefined ? path : undefined });
  };
  flag('hostNetwork', `${pod.path}.hostNetwork`, true);
  flag('hostPID', `${pod.path}.hostPID`, true);
  flag('hostIPC', `${pod.path}.hostIPC`, true);
  // per container, the least confined one speaks for the workload
  const worst = new Map<string, Fact>();
  const note = (key: string, fact: Fact) => {
    const had = worst.get(key);
    if (!had || (fact.risky && !had.risky)) worst.set(key, fact);
  };
  for (const c of containersOf(r)) {
    if (c.kind !== 'containers') continue;
    const priv = effectiveSetting(r, c, 'privileged');
    note('privileged', { value: asBool(priv.value) === true ? 'true' : 'false', risky: asBool(priv.value) === true, path: priv.path });
    const nonRoot = effectiveSetting(r, c, 'runAsNonRoot');
    const user = effectiveSetting(r, c, 'runAsUser');
    const root = !(asBool(nonRoot.value) === true || (typeof user.value === 'number' && user.value > 0));
    note('runs as non-root', { value: root ? 'not required' : 'required', risky: root, path: root ? c.path : nonRoot.path ?? user.path });
    const esc = effectiveSetting(r, c, 'allowPrivilegeEscalation');
    const escalates = asBool(esc.value) !== false;
    note('privilege escalation', { value: escalates ? 'allowed' : 'blocked', risky: escalates, path: escalates ? esc.path ?? c.path : esc.path });
    const ro = effectiveSetting(r, c, 'readOnlyRootFilesystem');
    const writable = asBool(ro.value) !== true;
    note('root filesystem', { value: writable ? 'writable' : 'read-only', risky: writable, path: ro.path ?? c.path });
    const add = getPath(r.attributes, `${c.path}.securityContext.capabilities.add`);
    const caps = Array.isArray(add) ? add.filter((x): x is string => typeof x === 'string').map((x) => x.toUpperCase()).sort() : [];
    note('added capabilities', { value: caps.length ? caps.join(',') : 'none', risky: caps.length > 0, path: caps.length ? `${c.path}.securityContext.capabilities.add` : undefined });
  }
  for (const [k, f] of worst) out.set(k, f);
  return out;
}

const workload: Profile = {
  kind: 'workload',
  noun: 'workload',
  members: (view) => workloads(view.resources),
  facts: (r) => workloadFacts(r),
  describe(key, value) {
    switch (key) {
      case 'privileged':
        return value === 'true' ? 'a privileged container' : 'no privileged container';
      case 'added capabilities':
        return value === 'none' || value === NONE ? 'no added capabilities' : `capabilities added (${value})`;
      case 'hostNetwork':
      case 'hostPID':
      case 'hostIPC':
        return value === 'true' ? `${key} on` : `${key} off`;
      case 'root filesystem':
        return value === 'read-only' ? 'a read-only root filesystem' : 'a writable root filesystem';
      case 'runs as non-root':
        return value === 'required' ? 'non-root required' : 'non-root not required';
      default:
        return `${key} ${value}`;
    }
  },
};

/** The value a resource without the fact has. */
export const NONE = '(none)';

export const PROFILES: readonly Profile[] = [firewall, bucket, workload];
