/**
 * Stand-ins for a few well-known registry modules (terraform-aws-modules/*).
 *
 * Remote modules are not downloaded, so their resources are normally absent
 * from the model. For the modules below, whose inputs map one to one onto the
 * arguments of the resource they wrap, the module call becomes one resource
 * of that type (`module.NAME.TYPE.this`, `meta.registryModule` = source) made
 * of the inputs the caller wrote, each located at the caller's line.
 *
 * Only inputs that were written are carried over. An argument the module sets
 * from its own default, which may differ from the resource's default and
 * between module versions (ec2-instance's `metadata_options`, for one),
 * becomes an Unknown instead of being left out, so checks that look for a
 * missing setting do not guess.
 *
 * The mapping is code rather than a data catalogue because some modules need
 * transformations (comma-separated CIDR strings, named rules, policy statements).
 */
import { Unknown, isUnknown, type Location, type Value, type ValueObject } from '../../model/index.js';

interface StandIn {
  type: string;
  /** module input -> resource argument (same name when omitted) */
  inputs: Record<string, string>;
  /** resource arguments the module sets from its own defaults when the input is not given */
  moduleDefaults: string[];
  /** extra shaping of the attributes (nested blocks are lists of objects in the model) */
  shape?: (inputs: ValueObject, attrs: ValueObject, locations: Record<string, Location>) => void;
}

/** Named rules of terraform-aws-modules/security-group (`ingress_rules = ["ssh-tcp"]`): [from, to, protocol]. */
const NAMED_RULES: Record<string, [number, number, string]> = {
  'all-all': [-1, -1, '-1'],
  'all-tcp': [0, 65535, 'tcp'],
  'all-udp': [0, 65535, 'udp'],
  'ssh-tcp': [22, 22, 'tcp'],
  'rdp-tcp': [3389, 3389, 'tcp'],
  'rdp-udp': [3389, 3389, 'udp'],
  'telnet-tcp': [23, 23, 'tcp'],
  'http-80-tcp': [80, 80, 'tcp'],
  'https-443-tcp': [443, 443, 'tcp'],
  'mysql-tcp': [3306, 3306, 'tcp'],
  'postgresql-tcp': [5432, 5432, 'tcp'],
  'mssql-tcp': [1433, 1433, 'tcp'],
  'oracle-db-tcp': [1521, 1521, 'tcp'],
  'redis-tcp': [6379, 6379, 'tcp'],
  'mongodb-27017-tcp': [27017, 27017, 'tcp'],
  'elasticsearch-rest-tcp': [9200, 9200, 'tcp'],
  'winrm-http-tcp': [5985, 5985, 'tcp'],
  'winrm-https-tcp': [5986, 5986, 'tcp'],
  'kubernetes-api-tcp': [6443, 6443, 'tcp'],
};

/** `"10.0.0.0/8,0.0.0.0/0"` (the module's format) or a list, as a list of CIDRs. */
function cidrList(v: Value | undefined): Value {
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return v ?? [];
}

function securityGroupRules(inputs: ValueObject, attrs: ValueObject, locations: Record<string, Location>): void {
  const ingress: Value[] = [];
  const add = (rule: ValueObject, at: string): void => {
    const path = `ingress[${ingress.length}]`;
    ingress.push(rule);
    const loc = locations[at];
    if (!loc) return;
    locations[path] = loc;
    for (const key of Object.keys(rule)) locations[`${path}.${key}`] = locations[`${at}.${key}`] ?? loc;
  };
  for (const [input, family] of [['ingress_with_cidr_blocks', 'cidr_blocks'], ['ingress_with_ipv6_cidr_blocks', 'ipv6_cidr_blocks']] as const) {
    const list = inputs[input];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item) || isUnknown(item)) return;
      const o = item as ValueObject;
      const named = typeof o.rule === 'string' ? NAMED_RULES[o.rule] : undefined;
      const rule: ValueObject = {
        from_port: o.from_port ?? named?.[0] ?? new Unknown('rule of the registry module', `${input}[${i}].rule`),
        to_port: o.to_port ?? named?.[1] ?? new Unknown('rule of the registry module', `${input}[${i}].rule`),
        protocol: o.protocol ?? named?.[2] ?? new Unknown('rule of the registry module', `${input}[${i}].rule`),
        [family]: cidrList(o[family]),
      };
      add(rule, `${input}[${i}]`);
    });
  }
  // ingress_rules x ingress_cidr_blocks / ingress_ipv6_cidr_blocks
  const names = inputs.ingress_rules;
  if (Array.isArray(names)) {
    names.forEach((name, i) => {
      const known = typeof name === 'string' ? NAMED_RULES[name] : undefined;
      const unknown = new Unknown('rule of the registry module', `ingress_rules[${i}]`);
      const rule: ValueObject = {
        from_port: known ? known[0] : unknown,
        to_port: known ? known[1] : unknown,
        protocol: known ? known[2] : unknown,
        cidr_blocks: inputs.ingress_cidr_blocks ?? [],
        ipv6_cidr_blocks: inputs.ingress_ipv6_cidr_blocks ?? [],
      };
      add(rule, `ingress_rules[${i}]`);
      const cidrAt = locations['ingress_cidr_blocks'];
      if (cidrAt) locations[`ingress[${ingress.length - 1}].cidr_blocks`] = cidrAt;
      const v6At = locations['ingress_ipv6_cidr_blocks'];
      if (v6At) locations[`ingress[${ingress.length - 1}].ipv6_cidr_blocks`] = v6At;
    });
  }
  if (ingress.length) attrs.ingress = ingress;
}

/** A map input that stands for a nested block (`metadata_options = {...}`) becomes a one-element block list. */
function asBlock(name: string) {
  return (_inputs: ValueObject, attrs: ValueObject, locations: Record<string, Location>): void => {
    const v = attrs[name];
    if (v === null || typeof v !== 'object' || Array.isArray(v) || isUnknown(v)) return;
    attrs[name] = [v];
    for (const key of Object.keys(locations)) {
      if (key.startsWith(`${name}.`)) locations[`${name}[0]${key.slice(name.length)}`] = locations[key]!;
    }
    if (locations[name]) locations[`${name}[0]`] = locations[name]!;
  };
}

/**
 * terraform-aws-modules/sns: the module attaches `topic_policy` only when `create_topic_policy` is
 * false; otherwise (the default) it builds the policy from `topic_policy_statements` (a list or map of
 * sid, effect, actions, not_actions, resources, principals, conditions), which becomes an IAM policy
 * object here, located at the caller's statement lines. The module's default statement for the owner
 * account is left out: it names no outside principal.
 */
function modulePolicy(kind: 'topic') {
  return (inputs: ValueObject, attrs: ValueObject, locations: Record<string, Location>): void => {
    const create = inputs[`create_${kind}_policy`];
    if (create === false) {
      if (inputs[`${kind}_policy`] !== undefined) {
        attrs.policy = inputs[`${kind}_policy`]!;
        if (locations[`${kind}_policy`]) locations.policy = locations[`${kind}_policy`]!;
      }
      return;
    }
    const input = `${kind}_policy_statements`;
    const raw = inputs[input];
    if (raw === undefined) return;
    if (isUnknown(create) || isUnknown(raw)) {
      attrs.policy = new Unknown(`built by terraform-aws-modules/sns from ${input}`, input);
      return;
    }
    // the input is a map (keys are statement names) or a list of statement objects
    const entries: Array<[string, Value]> = Array.isArray(raw) ? raw.map((v, i) => [`[${i}]`, v]) : typeof raw === 'object' && raw !== null ? Object.entries(raw).map(([k, v]) => [`.${k}`, v]) : [];
    const statements: Value[] = [];
    for (const [suffix, st] of entries) {
      if (st === null || typeof st !== 'object' || Array.isArray(st) || isUnknown(st)) continue;
      const o = st as ValueObject;
      const out: ValueObject = { Effect: o.effect ?? 'Allow' };
      if (o.sid !== undefined) out.Sid = o.sid;
      if (o.actions !== undefined) out.Action = o.actions;
      if (o.not_actions !== undefined) out.NotAction = o.not_actions;
      out.Resource = o.resources ?? '*';
      const principals = Array.isArray(o.principals) ? o.principals : [];
      if (principals.length) {
        const p: ValueObject = {};
        for (const pr of principals) {
          if (pr === null || typeof pr !== 'object' || Array.isArray(pr) || isUnknown(pr)) continue;
          const type = typeof (pr as ValueObject).type === 'string' ? ((pr as ValueObject).type as string) : 'AWS';
          p[type] = (pr as ValueObject).identifiers ?? [];
        }
        out.Principal = p;
      }
      const conditions = Array.isArray(o.conditions) ? o.conditions : [];
      if (conditions.length) {
        const c: ValueObject = {};
        for (const cond of conditions) {
          if (cond === null || typeof cond !== 'object' || Array.isArray(cond) || isUnknown(cond)) continue;
          const { test, variable, values } = cond as ValueObject;
          if (typeof test !== 'string' || typeof variable !== 'string') continue;
          const byTest = (c[test] ?? {}) as ValueObject;
          byTest[variable] = values ?? [];
          c[test] = byTest;
        }
        out.Condition = c;
      }
      const at = `policy.Statement[${statements.length}]`;
      const from = `${input}${suffix}`;
      if (locations[from]) locations[at] = locations[from]!;
      for (const [element, key] of [['Principal', 'principals'], ['Action', 'actions'], ['NotAction', 'not_actions'], ['Resource', 'resources'], ['Condition', 'conditions'], ['Effect', 'effect']] as const) {
        const loc = locations[`${from}.${key}`];
        if (loc) locations[`${at}.${element}`] = loc;
      }
      statements.push(out);
    }
    if (!statements.length) return;
    attrs.policy = { Version: '2012-10-17', Statement: statements };
    if (locations[input]) locations.policy = locations[input]!;
  };
}

const STAND_INS: Record<string, StandIn> = {
  'terraform-aws-modules/security-group/aws': {
    type: 'aws_security_group',
    inputs: { name: 'name', description: 'description', vpc_id: 'vpc_id' },
    moduleDefaults: [],
    shape: securityGroupRules,
  },
  'terraform-aws-modules/rds/aws': {
    type: 'aws_db_instance',
    inputs: { identifier: 'identifier', engine: 'engine', engine_version: 'engine_version', instance_class: 'instance_class', username: 'username', password: 'password', port: 'port', publicly_accessible: 'publicly_accessible', storage_encrypted: 'storage_encrypted', iam_database_authentication_enabled: 'iam_database_authentication_enabled', auto_minor_version_upgrade: 'auto_minor_version_upgrade', ca_cert_identifier: 'ca_cert_identifier' },
    // the module's defaults for these match the resource's (private, no password written)
    moduleDefaults: [],
  },
  'terraform-aws-modules/ec2-instance/aws': {
    type: 'aws_instance',
    inputs: { ami: 'ami', instance_type: 'instance_type', associate_public_ip_address: 'associate_public_ip_address', user_data: 'user_data', metadata_options: 'metadata_options', subnet_id: 'subnet_id', iam_instance_profile: 'iam_instance_profile' },
    moduleDefaults: ['metadata_options'],
    shape: asBlock('metadata_options'),
  },
  'terraform-aws-modules/autoscaling/aws': {
    type: 'aws_launch_template',
    // the module's user_data is already base64 (launch template); versions before 4 called it user_data_base64 (launch configuration)
    inputs: { image_id: 'image_id', instance_type: 'instance_type', user_data: 'user_data', user_data_base64: 'user_data', metadata_options: 'metadata_options' },
    moduleDefaults: ['metadata_options'],
    shape: asBlock('metadata_options'),
  },
  'terraform-aws-modules/sns/aws': {
    type: 'aws_sns_topic',
    inputs: { name: 'name', kms_master_key_id: 'kms_master_key_id' },
    moduleDefaults: [],
    shape: modulePolicy('topic'),
  },
  'terraform-aws-modules/s3-bucket/aws': {
    type: 'aws_s3_bucket',
    inputs: { bucket: 'bucket', acl: 'acl' },
    moduleDefaults: [],
    shape: (inputs, attrs, locations) => {
      // the module attaches `policy` only when attach_policy = true
      if (inputs.attach_policy === true && inputs.policy !== undefined) attrs.policy = inputs.policy;
      else if (isUnknown(inputs.attach_policy) && inputs.policy !== undefined) {
        attrs.policy = new Unknown('attached only when attach_policy is true', 'attach_policy');
      }
      // the module's aws_s3_bucket_public_access_block (created unless attach_public_policy = false) takes
      // these four inputs; only written ones are carried, since their defaults changed between versions
      if (inputs.attach_public_policy !== false) {
        const block: ValueObject = {};
        for (const k of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) {
          if (inputs[k] === undefined) continue;
          block[k] = inputs[k]!;
          if (locations[k]) locations[`public_access_block.${k}`] = locations[k]!;
        }
        if (Object.keys(block).length) attrs.public_access_block = block;
      }
    },
  },
};

/** The registry address without a host or `//subdir`, e.g. `terraform-aws-modules/rds/aws`. */
export function registryAddress(source: string): string {
  return source.replace(/^registry\.terraform\.io\//, '').replace(/\/\/.*$/, '');
}

export function hasStandIn(source: string): boolean {
  return STAND_INS[registryAddress(source)] !== undefined;
}

/**
 * The resource a registry module call stands for: its type and attributes,
 * built from the evaluated inputs; `locations` (keyed by input name on the
 * way in) is rewritten to attribute paths of the stand-in.
 */
export function standIn(source: string, inputs: ValueObject, inputLocations: Record<string, Location>): { type: string; attributes: ValueObject; locations: Record<string, Location> } | undefined {
  const spec = STAND_INS[registryAddress(source)];
  if (!spec) return undefined;
  const attributes: ValueObject = {};
  const locations: Record<string, Location> = {};
  for (const [input, arg] of Object.entries(spec.inputs)) {
    if (inputs[input] === undefined) continue;
    attributes[arg] = inputs[input]!;
    for (const [key, loc] of Object.entries(inputLocations)) {
      if (key === input || key.startsWith(`${input}.`) || key.startsWith(`${input}[`)) locations[arg + key.slice(input.length)] = loc;
    }
  }
  // inputs used by shape() keep their own locations too
  for (const [key, loc] of Object.entries(inputLocations)) if (locations[key] === undefined) locations[key] = loc;
  spec.shape?.(inputs, attributes, locations);
  for (const arg of spec.moduleDefaults) {
    if (attributes[arg] === undefined) attributes[arg] = new Unknown(`set by the defaults of ${registryAddress(source)}`, arg);
  }
  return { type: spec.type, attributes, locations };
}
