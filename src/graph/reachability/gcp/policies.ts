/**
 * GCP firewall policies (Terraform google provider): hierarchical policies associated with the
 * organization or folders, global and regional network firewall policies associated with VPC
 * networks, and their rules, as the tiers of `tiers.ts` for one network interface.
 *
 * - Hierarchical: `google_compute_firewall_policy` + `_rule` + `_association` (`attachment_target`
 *   `organizations/N`, `folders/N` or a `google_folder`). A policy applies when the target is an
 *   ancestor of the instance's project: `google_compute_instance.project` → `google_project`
 *   (`folder_id`, `org_id`) → `google_folder.parent` up to an organization. An ancestry that stops
 *   before an organization (a project or folder outside the files, a provider-default project)
 *   leaves the association unknown — its rules bound the verdict, never drop out. Order: the
 *   organization's policy, then folders top-down; folders of unknown depth after the known ones.
 * - Network: `google_compute_network_firewall_policy` (+ `_rule`, `_association` with
 *   `attachment_target` the network) and the `google_compute_region_network_firewall_policy*`
 *   resources (applying to instances in the association's region, from the instance's zone).
 * - Inline rules: the `_with_rules` form of each policy (`google_compute_firewall_policy_with_rules`,
 *   `google_compute_network_firewall_policy_with_rules`,
 *   `google_compute_region_network_firewall_policy_with_rules`) holds its rules as `rule { … }`
 *   blocks (and the computed `predefined_rules`), spelled `layer4_config`, `src_secure_tag`,
 *   `target_secure_tag`; a block without `direction` is INGRESS. It is associated like the plain
 *   policy, by the same `_association` resources.
 * - Rules: `direction`, `priority`, `action` (allow, deny, goto_next; apply_security_profile_group
 *   counts as allow: the traffic is inspected, then allowed), `disabled`, `match.src_ip_ranges`
 *   (ingress) / `match.dest_ip_ranges` (egress) and `match.layer4_configs` (`ip_protocol`,
 *   `ports`), `target_resources` (networks), `target_service_accounts`; `target_secure_tags` and
 *   peer kinds the model does not resolve (FQDNs, geolocations, threat intelligence lists, address
 *   groups, networks) are unknown; secure tags alone match only internal addresses. The instance's
 *   own side of a match (`dest_ip_ranges` of an ingress rule, `src_ip_ranges` of an egress rule)
 *   bounds the rule (it may or may not apply).
 */
import { asList, asString, isObject, isUnknown, type PortRange, type Resource, type Value } from '../../../model/index.js';
import { EMPTY, fromCidrs, type AddrSet } from '../common/addr.js';
import { ruleRef } from '../common/flow.js';
import { formatRange } from '../common/ports.js';
import type { Tier, TierAction, TierRule } from './tiers.js';
import { lastSegment, strings, type Tri } from './values.js';

/**
 * A policy rule with what its peer side is made of, for judging it against an internal address
 * (east-west): the sources of an ingress rule, the destinations of an egress rule.
 */
export interface PolicyRule extends TierRule {
  /** `match.src_ip_ranges` (ingress) / `match.dest_ip_ranges` (egress) as written (undefined when absent) */
  peerRanges: Value | undefined;
  /** where those ranges are written, for explanations (`google_…_rule.x.match.src_ip_ranges`) */
  peerField: string;
  /** peer kinds that are not address ranges the model holds (secure tags, FQDNs, address groups...) */
  peerOther: string[];
  /** a key unique to the rule (inline rules share their policy's resource id) */
  key: string;
}

export type Direction = 'INGRESS' | 'EGRESS';

export interface PolicyTier extends Tier {
  rules: PolicyRule[];
}

const HIER = { policy: 'google_compute_firewall_policy', withRules: 'google_compute_firewall_policy_with_rules', rule: 'google_compute_firewall_policy_rule', assoc: 'google_compute_firewall_policy_association' };
const GLOBAL = { policy: 'google_compute_network_firewall_policy', withRules: 'google_compute_network_firewall_policy_with_rules', rule: 'google_compute_network_firewall_policy_rule', assoc: 'google_compute_network_firewall_policy_association' };
const REGIONAL = { policy: 'google_compute_region_network_firewall_policy', withRules: 'google_compute_region_network_firewall_policy_with_rules', rule: 'google_compute_region_network_firewall_policy_rule', assoc: 'google_compute_region_network_firewall_policy_association' };
export const FIREWALL_POLICY_TYPES = [HIER, GLOBAL, REGIONAL].flatMap((k) => [k.policy, k.withRules, k.rule, k.assoc]);

/** What the policies need to know of one network interface. */
export interface PolicyTarget {
  inst: Resource;
  /** the network's key as the GCP engine names it (`name:N`, `id:…`); undefined when unknown */
  key: string | undefined;
  sas: string[] | undefined;
}

/**
 * One rule of a policy: a `_rule` resource, or a `rule { … }` / `predefined_rules` block inside a
 * `_with_rules` policy (`at` its attribute path, `rule[0]`). `unresolved`: the `_with_rules`
 * policy's rule list itself is unknown (a plan value known after apply).
 */
interface RuleUnit {
  res: Resource;
  attrs: Record<string, Value>;
  at: string | undefined;
  unresolved?: string;
}

interface Policy {
  resource: Resource;
  rules: RuleUnit[];
  /** where it is attached: a hierarchy node key / network key / undefined when unknown, with the association */
  attachments: Array<{ assoc: Resource; target: string | undefined; region?: string | undefined }>;
}

export interface PolicyIndex {
  byId: Map<string, Resource>;
  hierarchical: Policy[];
  global: Policy[];
  regional: Policy[];
  networks: Resource[];
  projects: Resource[];
  keyOf: (r: Resource, path: string) => string | undefined;
}

const refTarget = (byId: Map<string, Resource>, r: Resource, attr: string): Resource | undefined => {
  const ref = r.references.find((x) => x.attribute === attr || x.attribute.startsWith(`${attr}[`) || x.attribute.startsWith(`${attr}.`));
  return ref ? byId.get(ref.target) : undefined;
};

/** The policy a rule or association names: by reference, else by name / id / short name. */
function policyOf(byId: Map<string, Resource>, r: Resource, policies: Resource[]): Resource | undefined {
  const t = refTarget(byId, r, 'firewall_policy');
  if (t) return policies.includes(t) ? t : undefined;
  const v = asString(r.attributes.firewall_policy);
  if (v === undefined) return undefined;
  const last = lastSegment(v);
  return policies.find((p) => [p.attributes.name, p.attributes.short_name, p.attributes.id].some((x) => typeof x === 'string' && (x === v || lastSegment(x) === last)));
}

/** A hierarchy node: `organizations/N`, `folders/N`, or `res:google_folder.x` for a folder whose number the files do not hold. */
function nodeKey(byId: Map<string, Resource>, r: Resource, attr: string, kind: 'organizations' | 'folders' | 'any'): string | undefined {
  const t = refTarget(byId, r, attr);
  if (t?.type === 'google_folder') return `res:${t.id}`;
  if (t) return undefined;
  const v = r.attributes[attr];
  if (typeof v === 'number') return kind === 'any' ? undefined : `${kind}/${v}`;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const s = v.trim();
  if (/^(organizations|folders)\/\d+$/.test(s)) return s;
  if (/^\d+$/.test(s) && kind !== 'any') return `${kind}/${s}`;
  return undefined;
}

/** The inline rules of a `_with_rules` policy: `rule` blocks (written) and `predefined_rules` (computed, in plans). */
function inlineRules(p: Resource): RuleUnit[] {
  const out: RuleUnit[] = [];
  for (const k of ['rule', 'predefined_rules']) {
    const v = p.attributes[k];
    // `predefined_rules` is computed: unknown in the plan of a new policy. A policy created through
    // the API (as Terraform does) gets only the lowest-priority goto_next rules ("Predefined rules",
    // Cloud NGFW docs), which act as "no rule matches": an unknown list of them changes nothing.
    if (isUnknown(v) && k === 'predefined_rules') continue;
    if (isUnknown(v)) {
      out.push({ res: p, attrs: {}, at: k, unresolved: `${p.id}.${k} (${v.toString()})` });
      continue;
    }
    asList(v).forEach((x, i) => {
      if (isObject(x)) out.push({ res: p, attrs: x, at: `${k}[${i}]` });
      else if (isUnknown(x)) out.push({ res: p, attrs: {}, at: `${k}[${i}]`, unresolved: `${p.id}.${k}[${i}] (${x.toString()})` });
    });
  }
  return out;
}

function collect(resources: readonly Resource[], byId: Map<string, Resource>, kinds: typeof HIER, target: (a: Resource) => string | undefined, region: boolean): Policy[] {
  const policies = resources.filter((r) => r.type === kinds.policy || r.type === kinds.withRules);
  const out = new Map<Resource, Policy>(policies.map((p) => [p, { resource: p, rules: p.type === kinds.withRules ? inlineRules(p) : [], attachments: [] }]));
  for (const r of resources) {
    if (r.type === kinds.rule) {
      const p = policyOf(byId, r, policies);
      if (p) out.get(p)!.rules.push({ res: r, attrs: r.attributes, at: undefined });
    } else if (r.type === kinds.assoc) {
      const p = policyOf(byId, r, policies);
      if (!p) continue;
      const a: Policy['attachments'][number] = { assoc: r, target: target(r) };
      if (region) a.region = asString(r.attributes.region) ?? asString(p.attributes.region);
      out.get(p)!.attachments.push(a);
    }
  }
  return [...out.values()].filter((p) => p.attachments.length > 0);
}

export function buildPolicyIndex(resources: readonly Resource[], byId: Map<string, Resource>, keyOf: (r: Resource, path: string) => string | undefined): PolicyIndex | undefined {
  if (!resources.some((r) => FIREWALL_POLICY_TYPES.includes(r.type))) return undefined;
  const hierTarget = (a: Resource) => nodeKey(byId, a, 'attachment_target', 'any');
  const netTarget = (a: Resource) => keyOf(a, 'attachment_target');
  return {
    byId,
    hierarchical: collect(resources, byId, HIER, hierTarget, false),
    global: collect(resources, byId, GLOBAL, netTarget, false),
    regional: collect(resources, byId, REGIONAL, netTarget, true),
    networks: resources.filter((r) => r.type === 'google_compute_network'),
    projects: resources.filter((r) => r.type === 'google_project'),
    keyOf,
  };
}

/** The instance's project's ancestors, bottom-up, and whether the chain reaches an organization. */
function ancestry(pix: PolicyIndex, inst: Resource): { nodes: string[]; complete: boolean; why: string } {
  let project = refTarget(pix.byId, inst, 'project');
  const pv = inst.attributes.project;
  if (!project && typeof pv === 'string') project = pix.projects.find((p) => p.attributes.project_id === pv);
  if (!project || project.type !== 'google_project') return { nodes: [], complete: false, why: `${inst.id}.project: ${pv === undefined ? 'the provider default project' : 'a project'} whose folder and organization are not in the scanned files` };
  const nodes: string[] = [];
  let node = nodeKey(pix.byId, project, 'folder_id', 'folders') ?? nodeKey(pix.byId, project, 'org_id', 'organizations');
  for (let guard = 0; node !== undefined && guard < 20; guard++) {
    nodes.push(node);
    if (node.startsWith('organizations/')) return { nodes, complete: true, why: '' };
    const folder = node.startsWith('res:') ? pix.byId.get(node.slice(4)) : undefined;
    if (!folder) break;
    node = nodeKey(pix.byId, folder, 'parent', 'any');
  }
  return { nodes, complete: false, why: `the folders and organization above ${project.id} (${nodes.length ? `known up to ${nodes.at(-1)}` : 'neither folder_id nor org_id resolved'})` };
}

function hierarchyApplies(target: string | undefined, anc: ReturnType<typeof ancestry>): Tri {
  if (target === undefined) return 'unknown';
  if (anc.nodes.includes(target)) return 'yes';
  if (!anc.complete) return 'unknown';
  // a folder known by resource only may be the one named by number
  if ((target.startsWith('folders/') && anc.nodes.some((n) => n.startsWith('res:'))) || (target.startsWith('res:') && anc.nodes.some((n) => n.startsWith('folders/')))) return 'unknown';
  return 'no';
}

function ports(list: Value | undefined): PortRange[] | undefined {
  if (isUnknown(list)) return undefined;
  const out: PortRange[] = [];
  for (const p of asList(list)) {
    if (typeof p === 'number') out.push({ from: p, to: p });
    else if (typeof p === 'string' && /^\d+(-\d+)?$/.test(p.trim())) {
      const [a, b] = p.trim().split('-').map(Number);
      out.push({ from: a!, to: b ?? a! });
    } else return undefined;
  }
  return out.length ? out : [{ from: 0, to: 65535 }];
}

const PROTOCOLS: Record<string, string> = { tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', all: 'all', sctp: 'sctp', '132': 'sctp' };

function actionOf(v: Value | undefined): TierAction {
  const a = asString(v)?.toLowerCase();
  if (a === 'allow' || a === 'apply_security_profile_group') return 'allow';
  if (a === 'deny') return 'deny';
  if (a === 'goto_next') return 'goto';
  return 'unknown';
}

/** The fields a rule's match reads on its peer side and on the instance's own side, by direction. */
const SIDES = {
  INGRESS: { peer: 'src', own: 'dest', verb: 'from' },
  EGRESS: { peer: 'dest', own: 'src', verb: 'to' },
} as const;

/** Present: a non-empty list / block, or a value not known yet. */
const present = (v: Value | undefined): boolean => isUnknown(v) || asList(v).length > 0;

/**
 * One policy rule as tier rules (one per layer-4 config) for an interface, or none when it cannot
 * apply. `direction` picks the rules (INGRESS: the instance receives; EGRESS: it sends) and the
 * side of `match` that names the peer (`src_*` for ingress, `dest_*` for egress). `_rule`
 * resources spell the lists `layer4_configs`, `src_secure_tags`, `target_secure_tags`; the
 * `_with_rules` blocks `layer4_config`, `src_secure_tag`, `target_secure_tag` (read both).
 */
function tierRules(pix: PolicyIndex, unit: RuleUnit, policyName: string, t: PolicyTarget, applies: Tri, whyPolicy: string, direction: Direction): PolicyRule[] {
  const { res: rule, attrs: a } = unit;
  const id = unit.at ? `${rule.id}.${unit.at}` : rule.id;
  const side = SIDES[direction];
  const peerField = `${id}.match.${side.peer}_ip_ranges`;
  const key = `${rule.id}#${unit.at ?? ''}`;
  if (unit.unresolved) {
    // the whole rule list is unknown: a rule that may be there, may allow or deny anything
    const ref = ruleRef(rule, unit.at, `${policyName} rules unresolved`);
    return [{ action: 'unknown', priority: undefined, sources: EMPTY, sourcesUnknown: true, protocol: undefined, ports: undefined, ref, maybeDisabled: true, unknowns: [unit.unresolved], peerRanges: undefined, peerField, peerOther: [unit.at ?? 'rule'], key }];
  }
  // `_with_rules` blocks default to INGRESS (documented); a `_rule` resource must say
  const dir = asString(a.direction)?.toUpperCase() ?? (unit.at !== undefined && (a.direction === undefined || a.direction === null) ? 'INGRESS' : undefined);
  if (dir !== undefined && dir !== direction) return [];
  if (a.disabled === true) return [];
  const unknowns: string[] = [];
  let maybe = applies === 'unknown';
  if (maybe) unknowns.push(whyPolicy);
  if (isUnknown(a.disabled)) {
    maybe = true;
    unknowns.push(`${id}.disabled (${a.disabled.toString()})`);
  }
  if (dir === undefined) {
    maybe = true;
    unknowns.push(`${id}.direction`);
  }
  // targets: networks (hierarchical), service accounts, secure tags
  const nets = a.target_resources;
  if (nets !== undefined && nets !== null && !(Array.isArray(nets) && nets.length === 0)) {
    const prefix = unit.at ? `${unit.at}.` : '';
    const keys = isUnknown(nets) ? [undefined] : asList(nets).map((v, i) => pix.keyOf(rule, `${prefix}target_resources[${i}]`) ?? (typeof v === 'string' ? `name:${lastSegment(v)}` : undefined));
    if (t.key !== undefined && keys.includes(t.key)) {
      /* applies */
    } else if (t.key !== undefined && keys.every((k) => k !== undefined)) return [];
    else {
      maybe = true;
      unknowns.push(`${id}.target_resources against the instance's network`);
    }
  }
  const sas = strings(a.target_service_accounts);
  if (sas === undefined) {
    maybe = true;
    unknowns.push(`${id}.target_service_accounts`);
  } else if (sas.length) {
    if (t.sas === undefined) {
      maybe = true;
      unknowns.push(`service account of ${t.inst.id}`);
    } else if (!sas.some((s) => t.sas!.includes(s))) return [];
  }
  if (present(a.target_secure_tags) || present(a.target_secure_tag)) {
    maybe = true;
    unknowns.push(`${id}.target_secure_tags (secure tag bindings are not modelled)`);
  }
  // the peer side: sources of an ingress rule, destinations of an egress rule
  const match = asList(a.match).find(isObject);
  let sources: AddrSet = EMPTY;
  let sourcesUnknown = false;
  const peerText: string[] = [];
  const peerOther: string[] = [];
  const p = side.peer;
  if (!match) {
    sourcesUnknown = true;
    unknowns.push(`${id}.match`);
  } else {
    const ranges = match[`${p}_ip_ranges`];
    if (isUnknown(ranges) || asList(ranges).some(isUnknown)) {
      sourcesUnknown = true;
      unknowns.push(peerField);
    } else {
      const list = asList(ranges).filter((x): x is string => typeof x === 'string');
      sources = fromCidrs(list);
      peerText.push(...list);
    }
    // kinds that may name an internal address (east-west): secure tags, FQDNs, address groups, networks
    for (const k of [`${p}_secure_tags`, `${p}_secure_tag`, `${p}_fqdns`, `${p}_address_groups`, `${p}_networks`, `${p}_network_scope`, `${p}_network_context`]) if (present(match[k])) peerOther.push(k);
    // kinds that may name internet addresses the model cannot resolve
    for (const k of [`${p}_fqdns`, `${p}_region_codes`, `${p}_threat_intelligences`, `${p}_address_groups`, `${p}_networks`, `${p}_network_scope`, `${p}_network_context`]) {
      if (present(match[k])) {
        sourcesUnknown = true;
        peerText.push(k);
        unknowns.push(`${id}.match.${k} (not resolved to addresses)`);
      }
    }
    // the instance's own side of the match (its external address for ingress, its internal one for egress): bounded
    const own = side.own;
    if (present(match[`${own}_ip_ranges`])) {
      maybe = true;
      unknowns.push(`${id}.match.${own}_ip_ranges against the instance's ${direction === 'INGRESS' ? 'external' : 'own'} address`);
    }
  }
  const action = actionOf(a.action);
  if (action === 'unknown') unknowns.push(`${id}.action`);
  const priority = typeof a.priority === 'number' ? a.priority : undefined;
  if (priority === undefined) unknowns.push(`${id}.priority`);
  const l4 = match ? (match.layer4_configs ?? match.layer4_config) : undefined;
  const configs = match ? (isUnknown(l4) ? [undefined] : asList(l4)) : [undefined];
  const out: PolicyRule[] = [];
  for (const c of configs.length ? configs : [undefined]) {
    const cfg = isObject(c) ? c : undefined;
    const protoText = cfg ? asString(cfg.ip_protocol)?.toLowerCase() : undefined;
    const protocol = protoText === undefined ? undefined : (PROTOCOLS[protoText] ?? protoText);
    const portList = cfg ? ports(cfg.ports) : undefined;
    const ru: string[] = [...unknowns];
    if (protocol === undefined) ru.push(`${id}.match.layer4_configs.ip_protocol`);
    if (portList === undefined) ru.push(`${id}.match.layer4_configs.ports`);
    const summary = `${policyName} rule ${priority ?? '?'} ${direction === 'EGRESS' ? 'egress ' : ''}${asString(a.action) ?? '?'} ${protocol ?? '?'} ${portList ? portList.map(formatRange).join(',') : '?'} ${side.verb} ${peerText.join(',') || '(none)'}`;
    const r: PolicyRule = { action, priority, sources, sourcesUnknown, protocol, ports: portList, ref: ruleRef(rule, unit.at, summary), peerRanges: match?.[`${p}_ip_ranges`], peerField, peerOther: match ? peerOther : ['match'], key };
    if (maybe) r.maybeDisabled = true;
    if (ru.length) r.unknowns = ru;
    out.push(r);
  }
  return out;
}

function tierOf(pix: PolicyIndex, p: Policy, kind: string, t: PolicyTarget, applies: Tri, why: string, direction: Direction): PolicyTier {
  const name = asString(p.resource.attributes.short_name) ?? asString(p.resource.attributes.name) ?? p.resource.name;
  return { hopKind: 'firewall-policy', resourceId: p.resource.id, label: `${kind} firewall policy ${name}`, rules: p.rules.flatMap((r) => tierRules(pix, r, name, t, applies, why, direction)) };
}

const zoneRegion = (zone: Value | undefined): string | undefined => (typeof zone === 'string' && /^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone) ? zone.slice(0, zone.lastIndexOf('-')) : undefined);

export interface PolicyTiers {
  hierarchical: PolicyTier[];
  /** global then regional network firewall policies */
  network: PolicyTier[];
  /** the network's enforcement order; undefined when unknown */
  order: 'AFTER_CLASSIC_FIREWALL' | 'BEFORE_CLASSIC_FIREWALL' | undefined;
  orderRef: Resource | undefined;
}

/** The policy tiers that may apply to one interface in one direction; undefined when none may. */
export function policyTiers(pix: PolicyIndex, t: PolicyTarget, direction: Direction = 'INGRESS'): PolicyTiers | undefined {
  const anc = ancestry(pix, t.inst);
  const hier: Array<{ tier: PolicyTier; rank: number }> = [];
  for (const p of pix.hierarchical) {
    let best: Tri = 'no';
    let rank = Infinity;
    for (const a of p.attachments) {
      const ap = hierarchyApplies(a.target, anc);
      if (ap === 'no') continue;
      const depth = a.target === undefined ? -1 : anc.nodes.indexOf(a.target);
      // organization first (the top of the chain), then folders top-down; unknown depth after the known ones
      const r = a.target?.startsWith('organizations/') ? -1 : depth >= 0 ? anc.nodes.length - depth : 1000;
      if (ap === 'yes') best = 'yes';
      else if (best === 'no') best = 'unknown';
      rank = Math.min(rank, r);
    }
    if (best === 'no') continue;
    const targets = p.attachments.map((a) => a.target ?? `${a.assoc.id}.attachment_target`).join(', ');
    hier.push({ tier: tierOf(pix, p, 'hierarchical', t, best, `whether ${targets} is an ancestor of ${t.inst.id}'s project: ${anc.why || 'unknown'}`, direction), rank });
  }
  hier.sort((a, b) => a.rank - b.rank);
  const region = zoneRegion(t.inst.attributes.zone);
  const network: PolicyTier[] = [];
  for (const [list, kind] of [[pix.global, 'global network'], [pix.regional, 'regional network']] as const) {
    for (const p of list) {
      let best: Tri = 'no';
      const whys: string[] = [];
      for (const a of p.attachments) {
        let ap: Tri = a.target === undefined || t.key === undefined ? 'unknown' : a.target === t.key ? 'yes' : 'no';
        if (ap === 'unknown') whys.push(`${a.assoc.id}.attachment_target against the network of ${t.inst.id}`);
        if (kind === 'regional network' && ap !== 'no') {
          if (a.region === undefined || region === undefined) {
            ap = 'unknown';
            whys.push(`region of ${a.assoc.id} against the zone of ${t.inst.id}`);
          } else if (a.region !== region) ap = 'no';
        }
        if (ap === 'yes') best = 'yes';
        else if (ap === 'unknown' && best === 'no') best = 'unknown';
      }
      if (best !== 'no') network.push(tierOf(pix, p, kind, t, best, whys.join('; '), direction));
    }
  }
  if (hier.length === 0 && network.length === 0) return undefined;
  const net = pix.networks.find((n) => t.key !== undefined && (t.key === `id:${n.id}` || t.key === `name:${asString(n.attributes.name)}`));
  const v = net?.attributes.network_firewall_policy_enforcement_order;
  const order = net === undefined || isUnknown(v) ? undefined : asString(v)?.toUpperCase() === 'BEFORE_CLASSIC_FIREWALL' ? 'BEFORE_CLASSIC_FIREWALL' : 'AFTER_CLASSIC_FIREWALL';
  return { hierarchical: hier.map((h) => h.tier), network, order: network.length === 0 ? 'AFTER_CLASSIC_FIREWALL' : order, orderRef: net };
}
