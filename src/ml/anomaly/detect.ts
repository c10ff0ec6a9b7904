/**
 * Peer-group anomalies (issue #7 part 7): resources of one kind are grouped
 * by where they are declared (Terraform module instance and folder,
 * CloudFormation template, Kubernetes namespace) and by their tag set; in
 * each group of at least `minPeers + 1` members, a resource is an outlier on
 * a fact when its value is the risky one and at most `maxShare` of its peers
 * share that risk.
 *
 * Why frequency among peers and not an isolation forest: the facts are
 * categorical (a port open to a range, a flag on or off), groups are small
 * (5–50 siblings) and the finding must say *what* differs. The share of peers
 * with the same risky value is exact, needs no training or random seed, is
 * robust to a few odd siblings (up to `maxShare`), and its explanation is the
 * statistic itself ("its 14 peers have tcp/22 open to 10.0.0.0/8"). An
 * isolation forest would score whole vectors and still need this step to
 * name the differing feature.
 */
import { dirname } from 'node:path';
import type { Resource } from '../../model/index.js';
import { isObject, isUnknown } from '../../model/index.js';
import { NONE, PROFILES, type Fact, type ModelView, type Profile } from './profiles.js';

export interface AnomalyOptions {
  /** fewest peers (siblings besides the resource) a group needs before anything is compared */
  minPeers?: number;
  /** the largest share of peers that may share the risky value for it to be an outlier */
  maxShare?: number;
}

export const DEFAULT_MIN_PEERS = 5;
export const DEFAULT_MAX_SHARE = 0.1;

export interface Anomaly {
  resource: Resource;
  kind: Profile['kind'];
  noun: string;
  key: string;
  fact: Fact;
  /** the group it was compared in: "in module.app (envs/prod)", "tagged env=prod, team=pay" */
  group: string;
  peers: number;
  /** peers sharing the risky value */
  sameRisk: number;
  /** what the peers have instead, most common first: [value, count] */
  peerValues: [string, number][];
  /** "security group aws_security_group.web[3] has tcp/22 open to 0.0.0.0/0; its 14 peers in module.app have tcp/22 open to 10.0.0.0/8" */
  message: string;
}

const MODULE_PREFIX = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)/;
const NAME_TAGS = new Set(['name', 'app', 'app.kubernetes.io/name', 'app.kubernetes.io/instance', 'statefulset.kubernetes.io/pod-name', 'pod-template-hash']);

/** The Terraform module prefix of an address ("module.a.module.b[0]"), "" at the root. */
function modulePrefix(id: string): string {
  // most addresses are at the root: no regular expression for them
  if (!id.startsWith('module.')) return '';
  return MODULE_PREFIX.exec(id)?.[1]?.replace(/\.$/, '') ?? '';
}

/** The key of scopeOf(r) alone (grouping needs the label only once per group). */
function scopeKeyOf(r: Resource): string | undefined {
  switch (r.source) {
    case 'terraform':
    case 'terraform-plan':
      return `tf|${r.source === 'terraform' ? dirname(r.location.file) : r.location.file}|${modulePrefix(r.id)}`;
    case 'cloudformation':
      return `cfn|${r.location.file}`;
    case 'kubernetes': {
      const meta = r.attributes.metadata;
      return `k8s|${isObject(meta) && typeof meta.namespace === 'string' ? meta.namespace : 'default'}`;
    }
    default:
      return undefined;
  }
}

/** Where a resource is declared: the group of its siblings. */
export function scopeOf(r: Resource): { key: string; label: string } | undefined {
  const key = scopeKeyOf(r);
  if (key === undefined) return undefined;
  switch (r.source) {
    case 'terraform':
    case 'terraform-plan': {
      const prefix = modulePrefix(r.id);
      const folder = r.source === 'terraform' ? dirname(r.location.file) : r.location.file;
      return { key, label: prefix ? `in ${prefix} (${folder})` : `in ${folder}` };
    }
    case 'cloudformation':
      return { key, label: `in ${r.location.file}` };
    default:
      return { key, label: `in namespace ${key.slice('k8s|'.length)}` };
  }
}

/** The sorted `name=value` pairs of the resource's tag set, without naming tags; undefined when none. */
function tagPairs(r: Resource): string[] | undefined {
  const pairs: string[] = [];
  const add = (k: unknown, v: unknown) => {
    if (typeof k !== 'string' || NAME_TAGS.has(k.toLowerCase()) || isUnknown(v)) return;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') pairs.push(`${k}=${v}`);
  };
  const a = r.attributes;
  if (r.source === 'kubernetes') {
    const labels = isObject(a.metadata) ? a.metadata.labels : undefined;
    if (isObject(labels)) for (const [k, v] of Object.entries(labels)) add(k, v);
  } else if (isObject(a.tags)) for (const [k, v] of Object.entries(a.tags)) add(k, v);
  else if (Array.isArray(a.Tags)) for (const t of a.Tags) if (isObject(t)) add(t.Key, t.Value);
  if (pairs.length === 0) return undefined;
  return pairs.sort();
}

const tagKey = (r: Resource, pairs: string[]): string => `tags|${r.provider}|${pairs.join('\u0000')}`;

/** The resource's tag set (Terraform `tags`, CloudFormation `Tags`, Kubernetes labels), without naming tags. */
export function tagSetOf(r: Resource): { key: string; label: string } | undefined {
  const pairs = tagPairs(r);
  return pairs ? { key: tagKey(r, pairs), label: `tagged ${pairs.join(', ')}` } : undefined;
}

export function detectAnomalies(view: ModelView, options: AnomalyOptions = {}, profiles: readonly Profile[] = PROFILES): Anomaly[] {
  const minPeers = options.minPeers ?? DEFAULT_MIN_PEERS;
  const maxShare = options.maxShare ?? DEFAULT_MAX_SHARE;
  const out: Anomaly[] = [];
  for (const profile of profiles) {
    const members = profile.members(view);
    if (members.length <= minPeers) continue;
    const facts = new Map<Resource, Map<string, Fact>>();
    const groups = new Map<string, { label: string; members: Resource[] }>();
    // keys per member, the label once per group (from its first member: a key determines its label)
    const join = (key: string | undefined, r: Resource, labelOf: (r: Resource) => { label: string } | undefined): void => {
      if (key === undefined) return;
      const hit = groups.get(key);
      if (hit) hit.members.push(r);
      else groups.set(key, { label: labelOf(r)!.label, members: [r] });
    };
    for (const r of members) {
      join(scopeKeyOf(r), r, scopeOf);
      const pairs = tagPairs(r);
      join(pairs && tagKey(r, pairs), r, tagSetOf);
    }
    // per resource, the keys of its risky facts (from the profile's cheaper riskyKeys when it has one)
    const riskyKeys = new Map<Resource, Iterable<string>>();
    const riskyKeysOf = (r: Resource): Iterable<string> => {
      let keys = riskyKeys.get(r);
      if (!keys) {
        if (profile.riskyKeys) keys = profile.riskyKeys(r, view);
        else {
          let f = facts.get(r);
          if (!f) facts.set(r, (f = profile.facts(r, view)));
          const risky: string[] = [];
          for (const [k, x] of f) if (x.risky) risky.push(k);
          keys = risky;
        }
        riskyKeys.set(r, keys);
      }
      return keys;
    };
    // per resource and fact, the outlier verdict from its largest group
    const best = new Map<string, Anomaly>();
    for (const { label, members: group } of groups.values()) {
      if (group.length <= minPeers) continue;
      const peers = group.length - 1;
      const riskyCount = new Map<string, number>();
      for (const r of group) for (const k of riskyKeysOf(r)) riskyCount.set(k, (riskyCount.get(k) ?? 0) + 1);
      // an outlier needs a risky value that at most maxShare of its peers share: without one, the
      // group's facts are not needed (a big estate's groups are mostly like this)
      let rare = false;
      for (const n of riskyCount.values()) if ((n - 1) / peers <= maxShare) rare = true;
      if (!rare) continue;
      for (const r of group) if (!facts.has(r)) facts.set(r, profile.facts(r, view));
      // per fact, what the whole group has (counted once, not once per outlier: groups reach
      // 20k members in one big plan), and per (fact, value) the peers' values sorted
      const groupValues = new Map<string, Map<string, number>>();
      const peerValuesOf = new Map<string, [string, number][]>();
      for (const r of group) {
        for (const [k, f] of facts.get(r)!) {
          if (!f.risky) continue;
          const sameRisk = riskyCount.get(k)! - 1;
          if (sameRisk / peers > maxShare) continue;
          const id = `${r.id}\u0000${k}`;
          const had = best.get(id);
          if (had && had.peers >= peers) continue;
          let all = groupValues.get(k);
          if (!all) {
            all = new Map<string, number>();
            for (const p of group) {
              const v = facts.get(p)!.get(k)?.value ?? NONE;
              all.set(v, (all.get(v) ?? 0) + 1);
            }
            groupValues.set(k, all);
          }
          const cacheKey = `${k}\u0000${f.value}`;
          let sorted = peerValuesOf.get(cacheKey);
          if (!sorted) {
            // the group's counts without this resource's own value
            const counts = new Map(all);
            const own = counts.get(f.value)! - 1;
            if (own > 0) counts.set(f.value, own);
            else counts.delete(f.value);
            sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
            peerValuesOf.set(cacheKey, sorted);
          }
          const peerValues = sorted;
          const summary = peerValues
            .slice(0, 3)
            .map(([v, n]) => (peerValues.length === 1 ? profile.describe(k, v) : `${profile.describe(k, v)} (${n})`))
            .join(', ');
          const more = peerValues.length > 3 ? `, ${peerValues.length - 3} other value(s)` : '';
          best.set(id, {
            resource: r,
            kind: profile.kind,
            noun: profile.noun,
            key: k,
            fact: f,
            group: label,
            peers,
            sameRisk,
            peerValues,
            message: `${profile.noun} ${r.id} has ${profile.describe(k, f.value)}; its ${peers} peers ${label} have ${summary}${more}`,
          });
        }
      }
    }
    out.push(...[...best.values()].sort((a, b) => a.resource.id.localeCompare(b.resource.id) || a.key.localeCompare(b.key)));
  }
  return out;
}
