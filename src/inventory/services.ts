/**
 * Versions of managed services and orchestrators, read from the model (IaC
 * and snapshots), as inventory entries the vulnerability matcher and the
 * end-of-life table can use:
 *
 * | resource                                              | attribute                                   | package |
 * |-------------------------------------------------------|---------------------------------------------|---------|
 * | Kubernetes `Node` (`kubectl get nodes -o yaml`)        | `status.nodeInfo.containerRuntimeVersion`   | Go `github.com/containerd/containerd` (`/v2` from 2.0), `github.com/docker/docker`, `github.com/cri-o/cri-o` |
 * |                                                       | `status.nodeInfo.kubeletVersion`            | Go `k8s.io/kubernetes` (vendor suffixes such as `-eks-a5565ad`, `+k3s1`, `-gke.100` removed) |
 * |                                                       | `status.nodeInfo.kernelVersion`             | `Linux` `Kernel` |
 * |                                                       | `status.nodeInfo.osImage`                   | the node's OS (not a package) |
 * | `aws_db_instance`, `aws_rds_cluster`, `AWS::RDS::DB*`  | `engine` + `engine_version`                 | `cloud-service` `aws/rds/<engine>` |
 * | `aws_eks_cluster`, `aws_eks_node_group`, `AWS::EKS::Cluster` | `version`                             | `cloud-service` `aws/eks` |
 * | `azurerm_kubernetes_cluster`(`_node_pool`)             | `kubernetes_version`, `orchestrator_version`| `cloud-service` `azure/aks` |
 * | `google_container_cluster`, `google_container_node_pool` | `min_master_version`, `node_version`, `version` | `cloud-service` `gcp/gke` |
 * | `aws_lambda_function`, `AWS::Lambda::Function`, `AWS::Serverless::Function` | `runtime`          | `cloud-service` `aws/lambda-runtime` (version = the runtime id, as in data/eol.yaml) |
 *
 * An Unknown or absent value yields no entry: a version is never guessed.
 * Each entry is located at the attribute that holds it and names the resource.
 */
import { getPath, isUnknown, locate, type Resource } from '../model/index.js';
import type { InstalledPackage } from './types.js';

export const CLOUD_SERVICE = 'cloud-service';

export interface ServicePackage extends InstalledPackage {
  resourceId: string;
  /** the attribute the version was read from */
  attributePath: string;
}

const TERRAFORM = new Set(['terraform', 'terraform-plan']);

function text(r: Resource, path: string): string | undefined {
  const v = getPath(r.attributes, path);
  if (isUnknown(v)) return undefined;
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function entry(r: Resource, path: string, ecosystem: string, name: string, version: string, foundBy: string, purl?: string): ServicePackage {
  const out: ServicePackage = { ecosystem, name, version, location: locate(r, path), foundBy, resourceId: r.id, attributePath: path };
  if (purl) out.purl = purl;
  return out;
}

const go = (r: Resource, path: string, module: string, version: string, foundBy: string): ServicePackage =>
  entry(r, path, 'Go', module, version.startsWith('v') ? version : `v${version}`, foundBy, `pkg:golang/${module}@${version.startsWith('v') ? version : `v${version}`}`);

/** `v1.27.3-eks-a5565ad` → `v1.27.3`; `v1.28.2+k3s1` → `v1.28.2`; `v1.27.3-gke.100` → `v1.27.3`; upstream pre-releases stay */
export function upstreamKubernetesVersion(v: string): string | undefined {
  const m = /^v?(\d+\.\d+\.\d+)(-(?:alpha|beta|rc)\.\d+)?/.exec(v.trim());
  return m ? `v${m[1]}${m[2] ?? ''}` : undefined;
}

/** `containerd://1.6.8` and the like → the Go module of the runtime */
export function runtimeModule(value: string): { module: string; version: string } | undefined {
  const m = /^([a-z-]+):\/\/v?(\d+\.\d+\.\d+[0-9A-Za-z.+~-]*)$/.exec(value.trim());
  if (!m) return undefined;
  const version = m[2]!.replace(/[-+~].*$/, (s) => (/^-(rc|beta|alpha)/.test(s) ? s : ''));
  switch (m[1]) {
    case 'containerd': {
      const major = Number(version.split('.')[0]);
      return { module: major >= 2 ? `github.com/containerd/containerd/v${major}` : 'github.com/containerd/containerd', version };
    }
    case 'docker':
      return { module: 'github.com/docker/docker', version };
    case 'cri-o':
      return { module: 'github.com/cri-o/cri-o', version };
    default:
      return undefined;
  }
}

function node(r: Resource): ServicePackage[] {
  const out: ServicePackage[] = [];
  const base = 'status.nodeInfo';
  const runtime = text(r, `${base}.containerRuntimeVersion`);
  const rt = runtime ? runtimeModule(runtime) : undefined;
  if (rt) out.push(go(r, `${base}.containerRuntimeVersion`, rt.module, rt.version, 'k8s-node'));
  const kubelet = text(r, `${base}.kubeletVersion`);
  const kv = kubelet ? upstreamKubernetesVersion(kubelet) : undefined;
  if (kv) out.push(go(r, `${base}.kubeletVersion`, 'k8s.io/kubernetes', kv, 'k8s-node'));
  const kernel = text(r, `${base}.kernelVersion`);
  if (kernel) out.push(entry(r, `${base}.kernelVersion`, 'Linux', 'Kernel', kernel, 'k8s-node'));
  return out;
}

const NUMERIC = /^\d+(\.\d+)*/;

/** a cloud-service entry; `numeric` asks for a version starting with digits (not `latest` or `-`) */
const cloud = (r: Resource, path: string, name: string, numeric = true): ServicePackage[] => {
  const v = text(r, path);
  return v && (!numeric || NUMERIC.test(v)) ? [entry(r, path, CLOUD_SERVICE, name, v, 'iac')] : [];
};

/** The service and orchestrator versions one resource declares. */
export function servicePackages(r: Resource): ServicePackage[] {
  const tf = TERRAFORM.has(r.source);
  const cfn = r.source === 'cloudformation';
  switch (r.type) {
    case 'Node':
      return r.source === 'kubernetes' ? node(r) : [];
    case 'aws_db_instance':
    case 'aws_rds_cluster': {
      const engine = tf ? text(r, 'engine') : undefined;
      return engine ? cloud(r, 'engine_version', `aws/rds/${engine.toLowerCase()}`) : [];
    }
    case 'AWS::RDS::DBInstance':
    case 'AWS::RDS::DBCluster': {
      const engine = cfn ? text(r, 'Engine') : undefined;
      return engine ? cloud(r, 'EngineVersion', `aws/rds/${engine.toLowerCase()}`) : [];
    }
    case 'aws_eks_cluster':
    case 'aws_eks_node_group':
      return tf ? cloud(r, 'version', 'aws/eks') : [];
    case 'AWS::EKS::Cluster':
      return cfn ? cloud(r, 'Version', 'aws/eks') : [];
    case 'azurerm_kubernetes_cluster':
      return tf ? [...cloud(r, 'kubernetes_version', 'azure/aks'), ...cloud(r, 'default_node_pool[0].orchestrator_version', 'azure/aks')] : [];
    case 'azurerm_kubernetes_cluster_node_pool':
      return tf ? cloud(r, 'orchestrator_version', 'azure/aks') : [];
    case 'google_container_cluster':
      return tf ? [...cloud(r, 'min_master_version', 'gcp/gke'), ...cloud(r, 'node_version', 'gcp/gke')] : [];
    case 'google_container_node_pool':
      return tf ? cloud(r, 'version', 'gcp/gke') : [];
    case 'aws_lambda_function':
      return tf ? cloud(r, 'runtime', 'aws/lambda-runtime', false) : [];
    case 'AWS::Lambda::Function':
    case 'AWS::Serverless::Function':
      return cfn ? cloud(r, 'Runtime', 'aws/lambda-runtime', false) : [];
    default:
      return [];
  }
}

/** Every service and orchestrator version in the model. */
export function serviceInventory(resources: readonly Resource[]): ServicePackage[] {
  return resources.flatMap(servicePackages);
}

/**
 * The os-release fields of a node's `status.nodeInfo.osImage` (the node's PRETTY_NAME):
 * `Ubuntu 18.04.1 LTS` → `ubuntu` `18.04`, `Debian GNU/Linux 11 (bullseye)` → `debian` `11`,
 * `Amazon Linux 2`, `Red Hat Enterprise Linux 8.6 (Ootpa)`, `Rocky Linux 9.3 (Blue Onyx)`,
 * `AlmaLinux 9.2`, `CentOS Linux 7 (Core)`, `CentOS Stream 9`, `Alpine Linux v3.16`. Images whose
 * versions are not the distribution's (Bottlerocket, Container-Optimized OS, Flatcar, RHEL
 * CoreOS, Windows) give undefined.
 */
export function nodeOsRelease(osImage: string): { id: string; versionId: string; prettyName: string } | undefined {
  const t = osImage.trim();
  const rules: Array<[RegExp, string]> = [
    [/^Ubuntu (\d+\.\d+)/, 'ubuntu'],
    [/^Debian GNU\/Linux (\d+)/, 'debian'],
    [/^Amazon Linux (2023|2)\b/, 'amzn'],
    [/^Red Hat Enterprise Linux (?:Server )?(\d+(?:\.\d+)?)/, 'rhel'],
    [/^Rocky Linux (\d+(?:\.\d+)?)/, 'rocky'],
    [/^AlmaLinux (\d+(?:\.\d+)?)/, 'almalinux'],
    [/^CentOS (?:Linux|Stream) (\d+)/, 'centos'],
    [/^Alpine Linux v?(\d+\.\d+)/, 'alpine'],
  ];
  for (const [re, id] of rules) {
    const m = re.exec(t);
    if (m) return { id, versionId: m[1]!, prettyName: t };
  }
  return undefined;
}
