/**
 * Workload → identity edges (`runs-as`): which cloud or cluster identity a compromised workload
 * holds, so an attack path can continue from a container or VM into the account.
 *
 * - Kubernetes workloads → their service account (`serviceAccountName`, else `default`), unless the
 *   token is not mounted (`automountServiceAccountToken: false` on the pod, else on the account);
 * - service accounts → AWS IAM roles through EKS IRSA (`eks.amazonaws.com/role-arn`) and EKS Pod
 *   Identity (`aws_eks_pod_identity_association`), → GCP service accounts through GKE Workload Identity
 *   (`iam.gke.io/gcp-service-account`);
 * - EC2 instances → the role of their instance profile; Lambda functions, ECS task definitions,
 *   CodeBuild projects, Glue jobs and SageMaker notebooks → their roles (Terraform and
 *   CloudFormation);
 * - GCE instances → their service account.
 *
 * IAM roles are the IAM model's principals (`src/graph/iam/account.ts`), so the escalation graph's
 * nodes are the same ids; a role that the scanned files name only by ARN becomes a node of its own.
 */
import type { Location, Resource, Value } from '../model/index.js';
import { getPath, isObject, isUnknown, locate } from '../model/index.js';
import type { IamAccount } from './iam/account.js';
import { targetsOf } from './iam/account.js';
import type { RbacModel } from './kubernetes-rbac/model.js';
import { podSpecPathOf } from './kubernetes-rbac/model.js';
import type { SecurityEdge, SecurityNode } from './security-graph.js';

export interface IdentityGraphPart {
  nodes: SecurityNode[];
  edges: SecurityEdge[];
}

/** Resource types whose attribute names the role they run as. */
const ROLE_ATTRIBUTES: Array<[string, string]> = [
  ['aws_lambda_function', 'role'],
  ['aws_ecs_task_definition', 'task_role_arn'],
  ['aws_codebuild_project', 'service_role'],
  ['aws_glue_job', 'role_arn'],
  ['aws_sagemaker_notebook_instance', 'role_arn'],
  ['AWS::Lambda::Function', 'Role'],
  ['AWS::ECS::TaskDefinition', 'TaskRoleArn'],
  ['AWS::CodeBuild::Project', 'ServiceRole'],
  ['AWS::Glue::Job', 'Role'],
  ['AWS::SageMaker::NotebookInstance', 'RoleArn'],
];

const IDENTITY_TYPES = new Set(['google_service_account', 'aws_iam_instance_profile', 'AWS::IAM::InstanceProfile']);

export function serviceAccountNode(namespace: string, name: string): string {
  return `k8s:sa:${namespace}/${name}`;
}

function annotation(r: Resource | undefined, key: string): string | undefined {
  const ann = r ? getPath(r.attributes, 'metadata.annotations') : undefined;
  const v = isObject(ann) ? ann[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function workloadIdentityEdges(resources: readonly Resource[], account: IamAccount, rbac: RbacModel): IdentityGraphPart {
  const nodes = new Map<string, SecurityNode>();
  const edges: SecurityEdge[] = [];
  const node = (n: SecurityNode) => nodes.set(n.id, { ...nodes.get(n.id), ...n });
  const byId = new Map(resources.map((r) => [r.id, r]));
  // the few identity resources name-based look-ups search (not every resource, once per workload)
  const identities = resources.filter((r) => IDENTITY_TYPES.has(r.type));
  const edge = (from: string, to: string, explanation: string, evidence: Location[], certainty: 'proven' | 'unknown' = 'proven') =>
    edges.push({ from, to, kind: 'runs-as', explanation, evidence, certainty });

  /** The IAM role node for a value naming a role (ARN, name, reference). */
  const roleNode = (v: Value | undefined): string | undefined => {
    for (const t of targetsOf(v)) {
      const p = account.findPrincipal(t, 'role');
      if (p) {
        node({ id: p.id, kind: 'principal', label: `role ${p.name}`, resourceId: p.resource.id });
        return p.id;
      }
      // an ARN naming an account the files do not fix: the role of that name in the scanned files
      const arn = 'text' in t ? /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(t.text) : null;
      if (arn && (account.account === undefined || account.account === arn[1])) {
        const byName = account.findPrincipal(arn[2]!, 'role');
        if (byName) {
          node({ id: byName.id, kind: 'principal', label: `role ${byName.name}`, resourceId: byName.resource.id });
          return byName.id;
        }
      }
      if ('text' in t && /^arn:aws[\w-]*:iam::\d{12}:role\//.test(t.text)) {
        node({ id: `aws:${t.text}`, kind: 'principal', label: `role ${t.text.slice(t.text.indexOf(':role/') + 6)} (not in the scanned files)` });
        return `aws:${t.text}`;
      }
    }
    return undefined;
  };

  // Kubernetes: workloads → service accounts → cloud identities
  for (const sa of rbac.serviceAccounts.values()) {
    const saId = serviceAccountNode(sa.namespace, sa.name);
    node({ id: saId, kind: 'principal', label: `ServiceAccount ${sa.namespace}/${sa.name}`, ...(sa.resource ? { resourceId: sa.resource.id } : {}) });
    const saAutomount = sa.resource ? getPath(sa.resource.attributes, 'automountServiceAccountToken') : undefined;
    for (const w of sa.workloads) {
      const spec = podSpecPathOf(w)!;
      const podAutomount = getPath(w.attributes, `${spec}.automountServiceAccountToken`);
      const automount = podAutomount ?? saAutomount;
      if (automount === false) continue;
      node({ id: w.id, kind: 'workload', label: `${w.type} ${w.name}`, resourceId: w.id });
      edge(w.id, saId, `${w.type} ${w.name} runs as ServiceAccount ${sa.namespace}/${sa.name} with its token mounted`, [locate(w, `${spec}.serviceAccountName`)], isUnknown(automount) ? 'unknown' : 'proven');
    }
    const irsa = annotation(sa.resource, 'eks.amazonaws.com/role-arn');
    if (irsa) {
      const role = roleNode(irsa);
      if (role) edge(saId, role, `ServiceAccount ${sa.namespace}/${sa.name} assumes ${irsa} through EKS IAM roles for service accounts`, [locate(sa.resource!, 'metadata.annotations')]);
    }
    const gsa = annotation(sa.resource, 'iam.gke.io/gcp-service-account');
    if (gsa) {
      const target = identities.find((r) => r.type === 'google_service_account' && (r.attributes.email === gsa || `${String(r.attributes.account_id)}@` === gsa.slice(0, gsa.indexOf('@') + 1)));
      const id = target?.id ?? `gcp:${gsa}`;
      node({ id, kind: 'principal', label: `GCP service account ${gsa}`, ...(target ? { resourceId: target.id } : {}) });
      edge(saId, id, `ServiceAccount ${sa.namespace}/${sa.name} acts as ${gsa} through GKE Workload Identity`, [locate(sa.resource!, 'metadata.annotations')]);
    }
  }
  for (const r of resources) {
    if (r.type === 'aws_eks_pod_identity_association') {
      const ns = r.attributes.namespace;
      const name = r.attributes.service_account;
      const role = roleNode(r.attributes.role_arn);
      if (typeof ns === 'string' && typeof name === 'string' && role) {
        const saId = serviceAccountNode(ns, name);
        node({ id: saId, kind: 'principal', label: `ServiceAccount ${ns}/${name}` });
        edge(saId, role, `ServiceAccount ${ns}/${name} gets ${role} through EKS Pod Identity (${r.id})`, [locate(r, 'role_arn')]);
      }
    }
    // EC2 instance → instance profile → role
    const profileAttr = r.type === 'aws_instance' ? 'iam_instance_profile' : r.type === 'AWS::EC2::Instance' ? 'IamInstanceProfile' : undefined;
    if (profileAttr) {
      const profile = resolveResource(r.attributes[profileAttr], identities, byId, ['aws_iam_instance_profile', 'AWS::IAM::InstanceProfile']);
      const roleValue = profile ? (profile.type === 'aws_iam_instance_profile' ? profile.attributes.role : profile.attributes.Roles) : undefined;
      const role = roleNode(roleValue);
      if (role) {
        node({ id: r.id, kind: 'workload', label: `${r.type} ${r.name}`, resourceId: r.id });
        edge(r.id, role, `${r.id} runs with instance profile ${profile!.id}, role ${role}; its credentials are on the instance metadata service`, [locate(r, profileAttr)]);
      }
    }
    for (const [type, attribute] of ROLE_ATTRIBUTES) {
      if (r.type !== type) continue;
      const role = roleNode(r.attributes[attribute]);
      if (!role) continue;
      node({ id: r.id, kind: 'workload', label: `${r.type} ${r.name}`, resourceId: r.id });
      edge(r.id, role, `${r.id} runs as ${role}`, [locate(r, attribute)]);
    }
    if (r.type === 'google_compute_instance') {
      const sa = getPath(r.attributes, 'service_account[0].email');
      if (sa !== undefined) {
        const target = resolveResource(sa, identities, byId, ['google_service_account']);
        const id = target?.id ?? (typeof sa === 'string' ? `gcp:${sa}` : undefined);
        if (id) {
          node({ id, kind: 'principal', label: `GCP service account ${typeof sa === 'string' ? sa : id}`, ...(target ? { resourceId: target.id } : {}) });
          node({ id: r.id, kind: 'workload', label: `${r.type} ${r.name}`, resourceId: r.id });
          edge(r.id, id, `${r.id} runs as ${typeof sa === 'string' ? sa : id}`, [locate(r, 'service_account[0].email')]);
        }
      }
    }
  }
  return { nodes: [...nodes.values()], edges };
}

/** The resource a value refers to: a reference expression (`aws_iam_instance_profile.web.name`, `Ref Profile`) or a name. */
function resolveResource(v: Value | undefined, candidates: readonly Resource[], byId: Map<string, Resource>, types: string[]): Resource | undefined {
  if (isUnknown(v)) {
    const ref = /^([A-Za-z0-9_.\-\[\]"]+)\.(email|name|id|arn|unique_id)$/.exec(v.expression?.trim() ?? '');
    const r = ref ? byId.get(ref[1]!) : undefined;
    if (r && types.includes(r.type)) return r;
  }
  for (const t of targetsOf(v)) {
    if ('id' in t) {
      const r = byId.get(t.id);
      if (r && types.includes(r.type)) return r;
    }
    if ('text' in t) {
      const name = t.text.includes('/') ? t.text.slice(t.text.lastIndexOf('/') + 1) : t.text;
      const hit = candidates.find((r) => types.includes(r.type) && (r.attributes.name === name || r.attributes.InstanceProfileName === name || r.attributes.email === t.text || r.id === name));
      if (hit) return hit;
    }
  }
  return undefined;
}

