import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { buildRbacModel } from '../src/graph/kubernetes-rbac/model.js';
import { grantsFor } from '../src/graph/kubernetes-rbac/authorize.js';
import { analyseRbac, K8S_ADMIN } from '../src/graph/kubernetes-rbac/escalation.js';

const estate = join(import.meta.dirname, 'k8s-rbac', 'estate.yaml');
const result = await scan([estate], { selection: { only: ['none-such-check'] } });
const model = buildRbacModel(result.resources);
const analysis = analyseRbac(model);
const path = (id: string) => analysis.toAdmin.get(id)?.map((e) => `${e.technique}→${e.to}`);

describe('Kubernetes RBAC authorisation', () => {
  it('grants within a RoleBinding\'s namespace only, and honours resourceNames', () => {
    const deployer = { kind: 'ServiceAccount' as const, namespace: 'ci', name: 'deployer' };
    expect(grantsFor(model, deployer, { verb: 'create', group: '', resource: 'pods', namespace: 'ci' })).toHaveLength(1);
    expect(grantsFor(model, deployer, { verb: 'create', group: '', resource: 'pods', namespace: 'web' })).toHaveLength(0);
    expect(grantsFor(model, deployer, { verb: 'delete', group: '', resource: 'pods', namespace: 'ci' })).toHaveLength(0);
    const app = { kind: 'ServiceAccount' as const, namespace: 'web', name: 'app' };
    expect(grantsFor(model, app, { verb: 'get', group: '', resource: 'secrets', namespace: 'kube-system', name: 'tiller-token' })).toHaveLength(1);
    expect(grantsFor(model, app, { verb: 'get', group: '', resource: 'secrets', namespace: 'kube-system', name: 'other' })).toHaveLength(0);
  });

  it('uses the built-in roles a binding names without defining, and aggregates cluster roles', () => {
    const carol = { kind: 'User' as const, name: 'carol' };
    expect(grantsFor(model, carol, { verb: 'create', group: '', resource: 'pods/exec', namespace: 'other' })[0]?.role).toMatchObject({ name: 'edit', builtin: true });
    expect(model.roles.get('ClusterRole/aggregate-binder')!.rules).toHaveLength(2);
    expect(model.missingRoles).toEqual([]);
  });
});

describe('Kubernetes RBAC escalation to cluster-admin', () => {
  it('follows pod creation to a more privileged service account of the namespace', () => {
    expect(path('k8s:sa:ci/deployer')).toEqual(['create-workload→k8s:sa:ci/builder', `cluster-admin→${K8S_ADMIN}`]);
  });

  it('follows a readable legacy token Secret', () => {
    expect(path('k8s:sa:web/app')).toEqual(['read-token-secret→k8s:sa:kube-system/tiller', `cluster-admin→${K8S_ADMIN}`]);
  });

  it('treats impersonating groups as cluster-admin', () => {
    expect(path('k8s:user:alice')).toEqual([`impersonate-group→${K8S_ADMIN}`]);
  });

  it('gives every service account of a group-bound namespace the binder\'s escalation', () => {
    expect(path('k8s:sa:dev/runner')).toEqual([`bind-cluster-admin→${K8S_ADMIN}`]);
  });

  it('does not escalate through a bind limited to another role, nor through a namespace without admins', () => {
    expect(path('k8s:user:bob')).toBeUndefined();
    // carol can run code as other/api, which holds nothing more
    expect(analysis.edges.some((e) => e.from === 'k8s:user:carol' && e.to === 'k8s:sa:other/api' && e.technique === 'exec-into-pod')).toBe(true);
    expect(path('k8s:user:carol')).toBeUndefined();
  });
});
