/**
 * Kubernetes objects declared through the Terraform kubernetes provider
 * (`kubernetes_deployment`, `kubernetes_pod_v1`, `kubernetes_cluster_role_binding`...,
 * and any kind through `kubernetes_manifest`), seen as Kubernetes manifests so the
 * Kubernetes checks read them unchanged.
 *
 * The provider's shape differs from a manifest in three regular ways, which
 * the conversion undoes: snake_case names (`run_as_non_root`), singular names
 * for repeated blocks (`container`, `volume`, `rule`), and one-element lists for
 * single nested blocks (`spec[0].template[0].spec[0]`). Every converted path
 * keeps the source location of the Terraform attribute it came from, and
 * findings drafted against the view are mapped back to the Terraform resource.
 */
import type { Location, Resource, Value, ValueObject } from '../../model/index.js';
import { isObject, isUnknown, locate } from '../../model/index.js';
import type { CheckContext, FindingDraft } from '../engine/types.js';
import { workloads } from './kubernetes.js';

const KINDS: Record<string, string> = {
  kubernetes_pod: 'Pod',
  kubernetes_deployment: 'Deployment',
  kubernetes_daemonset: 'DaemonSet',
  kubernetes_daemon_set: 'DaemonSet',
  kubernetes_stateful_set: 'StatefulSet',
  kubernetes_replication_controller: 'ReplicationController',
  kubernetes_job: 'Job',
  kubernetes_cron_job: 'CronJob',
  kubernetes_role: 'Role',
  kubernetes_cluster_role: 'ClusterRole',
  kubernetes_role_binding: 'RoleBinding',
  kubernetes_cluster_role_binding: 'ClusterRoleBinding',
  kubernetes_service_account: 'ServiceAccount',
  kubernetes_pod_security_policy: 'PodSecurityPolicy',
  kubernetes_persistent_volume: 'PersistentVolume',
  kubernetes_service: 'Service',
  kubernetes_namespace: 'Namespace',
  kubernetes_network_policy: 'NetworkPolicy',
  kubernetes_ingress: 'Ingress',
};

/** Repeated blocks and their manifest (plural) names. */
const REPEATED: Record<string, string> = {
  container: 'containers',
  init_container: 'initContainers',
  ephemeral_container: 'ephemeralContainers',
  volume: 'volumes',
  volume_mount: 'volumeMounts',
  port: 'ports',
  env: 'env',
  env_from: 'envFrom',
  toleration: 'tolerations',
  subject: 'subjects',
  rule: 'rules',
  image_pull_secrets: 'imagePullSecrets',
  host_aliases: 'hostAliases',
  match_expressions: 'matchExpressions',
  sysctl: 'sysctls',
  range: 'ranges',
  // NetworkPolicy rules and peers, Ingress paths and TLS entries
  ingress: 'ingress',
  egress: 'egress',
  from: 'from',
  to: 'to',
  ports: 'ports',
  path: 'paths',
  tls: 'tls',
};

/** Blocks that REPEATED pluralises elsewhere but that are single nested blocks in a kind (an Ingress backend's `service.port`). */
const SINGLE_IN_KIND: Record<string, ReadonlySet<string>> = { Ingress: new Set(['port']) };

/**
 * Single nested blocks whose absence plan JSON writes as an empty list (`pod_selector: []`): an
 * empty list is no block at all, not an empty selector (which would select everything).
 */
const ABSENT_WHEN_EMPTY = /^(spec|template|metadata|security_context|capabilities|host_path|role_ref|job_template|selector|pod_selector|namespace_selector|ip_block|default_backend|backend|http|service|port)$/;

/** Names whose camelCase form is not the mechanical one. */
const RENAMED: Record<string, string> = { host_pid: 'hostPID', host_ipc: 'hostIPC', non_resource_urls: 'nonResourceURLs', external_ips: 'externalIPs' };

/** The manifest kind of a Terraform kubernetes provider type, e.g. kubernetes_deployment_v1 → Deployment. */
export function kindOfTerraformType(type: string): string | undefined {
  return KINDS[type.replace(/_v\d+$/, '')];
}

function camel(key: string): string {
  return RENAMED[key] ?? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

interface Conversion {
  locations: Record<string, Location>;
  origin: Resource;
  kind: string;
}

/**
 * A map attribute (labels, annotations, selectors, data): its keys are the user's, kept verbatim
 * (a label `tier_name` is not `tierName`). Nested blocks always arrive as lists, so a plain
 * object met as an attribute value is a map.
 */
function convertMap(value: ValueObject, tfPath: string, k8sPath: string, c: Conversion): ValueObject {
  const out: ValueObject = {};
  for (const [key, v] of Object.entries(value)) {
    const tfChild = `${tfPath}.${key}`;
    const loc = c.origin.attributeLocations[tfChild];
    if (loc) c.locations[`${k8sPath}.${key}`] = loc;
    out[key] = isObject(v) ? convertMap(v, tfChild, `${k8sPath}.${key}`, c) : v;
  }
  return out;
}

function convert(value: Value, tfPath: string, k8sPath: string, c: Conversion, asMap = false): Value {
  const loc = tfPath ? c.origin.attributeLocations[tfPath] : undefined;
  if (loc && k8sPath) c.locations[k8sPath] = loc;
  if (isUnknown(value) || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v, i) => convert(v, `${tfPath}[${i}]`, `${k8sPath}[${i}]`, c));
  if (asMap) return convertMap(value, tfPath, k8sPath, c);
  const out: ValueObject = {};
  for (const [key, v] of Object.entries(value)) {
    const tfChild = tfPath ? `${tfPath}.${key}` : key;
    const plural = SINGLE_IN_KIND[c.kind]?.has(key) ? undefined : REPEATED[key];
    // repeated blocks are lists of objects; a same-named scalar (PodSecurityPolicy `rule`) is an attribute
    if (plural !== undefined && Array.isArray(v) && v.every((x) => isObject(x))) {
      const k8sChild = k8sPath ? `${k8sPath}.${plural}` : plural;
      out[plural] = convert(v, tfChild, k8sChild, c);
      continue;
    }
    const name = camel(key);
    const k8sChild = k8sPath ? `${k8sPath}.${name}` : name;
    // a single nested block: a one-element list of objects
    if (Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x))) {
      const blockLoc = c.origin.attributeLocations[tfChild];
      if (blockLoc) c.locations[k8sChild] = blockLoc;
      out[name] = convert(v[0]!, `${tfChild}[0]`, k8sChild, c);
      continue;
    }
    if (Array.isArray(v) && v.length === 0 && ABSENT_WHEN_EMPTY.test(key)) continue;
    out[name] = convert(v, tfChild, k8sChild, c, isObject(v));
  }
  return out;
}

/** A manifest-shaped view of a Terraform kubernetes provider resource, or undefined for other resources. */
export function terraformKubernetesView(r: Resource): Resource | undefined {
  if (r.source !== 'terraform' && r.source !== 'terraform-plan') return undefined;
  if (r.type === 'kubernetes_manifest') return manifestView(r);
  const kind = kindOfTerraformType(r.type);
  if (!kind) return undefined;
  const c: Conversion = { locations: {}, origin: r, kind };
  const attributes = convert(r.attributes, '', '', c) as ValueObject;
  const view: Resource = { ...r, type: kind, source: 'kubernetes', attributes, attributeLocations: c.locations };
  ORIGINS.set(view, r);
  return view;
}

/**
 * `kubernetes_manifest`: its `manifest` attribute is already a manifest (camelCase, lists), so the
 * view is that object as written, at the lines of its attributes; a manifest whose kind does not
 * resolve is no view.
 */
function manifestView(r: Resource): Resource | undefined {
  const manifest = r.attributes.manifest;
  if (!isObject(manifest) || typeof manifest.kind !== 'string') return undefined;
  const locations: Record<string, Location> = {};
  for (const [path, loc] of Object.entries(r.attributeLocations)) if (path.startsWith('manifest.')) locations[path.slice('manifest.'.length)] = loc;
  const view: Resource = { ...r, type: manifest.kind, source: 'kubernetes', attributes: manifest, attributeLocations: locations };
  ORIGINS.set(view, r);
  return view;
}

const ORIGINS = new WeakMap<Resource, Resource>();

/** The Terraform resource a manifest-shaped view was made from, or undefined for a manifest. */
export function terraformOrigin(view: Resource): Resource | undefined {
  return ORIGINS.get(view);
}

const VIEWS = new WeakMap<CheckContext, Resource[]>();

/**
 * Every Kubernetes object in the model: manifests as they are, and Terraform
 * kubernetes provider resources as manifest-shaped views.
 */
export function kubernetesResources(ctx: CheckContext): Resource[] {
  const hit = VIEWS.get(ctx);
  if (hit) return hit;
  const out: Resource[] = [];
  for (const r of ctx.resources) {
    if (r.source === 'kubernetes') out.push(r);
    else {
      const view = terraformKubernetesView(r);
      if (view) out.push(view);
    }
  }
  VIEWS.set(ctx, out);
  return out;
}

const WORKLOADS = new WeakMap<CheckContext, Resource[]>();

/** The workloads (pods and pod-template controllers) among `kubernetesResources`, worked out once per scan. */
export function kubernetesWorkloads(ctx: CheckContext): Resource[] {
  let hit = WORKLOADS.get(ctx);
  if (!hit) WORKLOADS.set(ctx, (hit = workloads(kubernetesResources(ctx))));
  return hit;
}

/** Maps a finding drafted against a view back to its Terraform resource, at the Terraform attribute's line. */
export function fromView(d: FindingDraft): FindingDraft {
  const origin = ORIGINS.get(d.resource);
  if (!origin) return d;
  return { ...d, resource: origin, location: d.location ?? locate(d.resource, d.attributePath), key: d.key ?? d.attributePath };
}
