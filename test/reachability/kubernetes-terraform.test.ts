/**
 * The Terraform kubernetes provider in the Kubernetes reachability engine: the provider's block
 * shapes (HCL and plan JSON) read into the same model as manifests, its defaults (namespace
 * "default", required policy_types, empty block vs absent list), and unresolved or malformed
 * values giving unknown verdicts with a reason. Topology fixtures: test/reachability/kubernetes/tf-*.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/scan/scan.js';
import { buildK8sModel, kubernetesFlows } from '../../src/graph/reachability/kubernetes/index.js';
import { terraformKubernetesView } from '../../src/checks/_lib/k8s-terraform.js';
import type { Flow } from '../../src/graph/reachability/common/flow.js';
import type { Resource } from '../../src/model/index.js';
import { tetrad } from '../support/cli.js';
import { buildSecurityGraph } from '../../src/graph/build.js';

async function load(files: Record<string, string>): Promise<{ resources: Resource[]; errors: Array<{ file?: string; line?: number; message: string }> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tetrad-k8stf-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const model = await loadModel([dir], { cwd: dir });
  return { resources: model.resources, errors: model.errors as never };
}

const pod = (name: string, ns: string | null, labels: string, extra = '') => `
resource "kubernetes_pod_v1" "${name}" {
  metadata {
    name   = "${name}"
    ${ns === null ? '' : `namespace = ${ns.startsWith('var.') ? ns : `"${ns}"`}`}
    labels = ${labels}
  }
  spec {
    container {
      name  = "c"
      image = "nginx:1.27"
      ${extra}
    }
  }
}
`;

const lb = (name: string, ns: string, app: string, port: number) => `
resource "kubernetes_service_v1" "${name}" {
  metadata {
    name      = "${name}"
    namespace = "${ns}"
  }
  spec {
    type     = "LoadBalancer"
    selector = { app = "${app}" }
    port {
      port = ${port}
    }
  }
}
`;

function flow(flows: Flow[], from: string, to: string, port: number, protocol = 'tcp'): Flow | undefined {
  return flows.find((f) => f.from === from && f.workloadId === to && (f.protocol === protocol || f.protocol === 'all') && port >= f.ports.from && port <= f.ports.to);
}

describe('Terraform kubernetes provider views', () => {
  it('keeps map keys (labels, selectors) as written and pluralises NetworkPolicy and Ingress blocks', async () => {
    const { resources } = await load({
      'main.tf': `
resource "kubernetes_network_policy_v1" "p" {
  metadata {
    name      = "p"
    namespace = "shop"
  }
  spec {
    pod_selector {
      match_labels = { app_tier = "web" }
    }
    policy_types = ["Ingress"]
    ingress {}
    ingress {
      from {
        ip_block {
          cidr   = "0.0.0.0/0"
          except = ["10.0.0.0/8"]
        }
      }
      from {
        pod_selector {}
      }
      ports {
        port     = "8080"
        end_port = 8090
      }
    }
  }
}
resource "kubernetes_ingress_v1" "i" {
  metadata {
    name = "i"
  }
  spec {
    rule {
      http {
        path {
          path = "/a"
          backend {
            service {
              name = "a"
              port {
                number = 80
              }
            }
          }
        }
        path {
          path = "/b"
          backend {
            service {
              name = "b"
              port {
                name = "web"
              }
            }
          }
        }
      }
    }
  }
}
`,
    });
    const policy = terraformKubernetesView(resources.find((r) => r.id === 'kubernetes_network_policy_v1.p')!)!;
    expect(policy.type).toBe('NetworkPolicy');
    expect(policy.attributes.spec).toEqual({
      podSelector: { matchLabels: { app_tier: 'web' } },
      policyTypes: ['Ingress'],
      ingress: [{}, { from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }, { podSelector: {} }], ports: [{ port: '8080', endPort: 8090 }] }],
    });
    // findings and hops point at the Terraform lines
    expect(policy.attributeLocations['spec.ingress[1].from[0].ipBlock.cidr']?.startLine).toBe(16);
    const ingress = terraformKubernetesView(resources.find((r) => r.id === 'kubernetes_ingress_v1.i')!)!;
    expect(ingress.attributes.spec).toEqual({
      rules: [{ http: { paths: [
        { path: '/a', backend: { service: { name: 'a', port: { number: 80 } } } },
        { path: '/b', backend: { service: { name: 'b', port: { name: 'web' } } } },
      ] } }],
    });
  });

  it('reads plan JSON: an absent single block written as [] is no block, not an empty selector', () => {
    const r: Resource = {
      id: 'kubernetes_network_policy_v1.p', type: 'kubernetes_network_policy_v1', name: 'p', provider: 'kubernetes', source: 'terraform-plan',
      attributes: { metadata: [{ name: 'p', namespace: 'shop', labels: null }], spec: [{ pod_selector: [{ match_expressions: [], match_labels: { app: 'db' } }], policy_types: ['Ingress'], egress: [],
        ingress: [{ from: [{ ip_block: [], namespace_selector: [], pod_selector: [{ match_expressions: [], match_labels: { app: 'web' } }] }], ports: [{ port: 'pg', protocol: 'TCP', end_port: null }] }] }] },
      location: { file: 'plan.json', startLine: 1, endLine: 1 }, attributeLocations: {}, references: [],
    } as unknown as Resource;
    const model = buildK8sModel([r]);
    const p = model.policies[0]!;
    expect(p.namespace).toBe('shop');
    expect(p.ingressRules).toEqual([{ peers: [{ kind: 'pods', podSelector: { matchExpressions: [], matchLabels: { app: 'web' } }, namespaceSelector: undefined, path: 'spec.ingress[0].from[0]' }], ports: [{ protocol: 'tcp', port: 'pg' }], path: 'spec.ingress[0]' }]);
    expect(p.egressRules).toEqual([]);
  });

  it('reads kubernetes_manifest as the manifest it carries, at its lines; without a namespace it is nowhere known', async () => {
    const { resources } = await load({
      'main.tf': `
resource "kubernetes_manifest" "deny" {
  manifest = {
    apiVersion = "networking.k8s.io/v1"
    kind       = "NetworkPolicy"
    metadata   = { name = "deny", namespace = "shop" }
    spec = {
      podSelector = {}
      policyTypes = ["Ingress"]
    }
  }
}
resource "kubernetes_manifest" "worker" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata   = { name = "worker" }
    spec       = { containers = [{ name = "w", image = "busybox:1.36" }] }
  }
}
`,
    });
    const view = terraformKubernetesView(resources.find((r) => r.id === 'kubernetes_manifest.deny')!)!;
    expect(view.type).toBe('NetworkPolicy');
    expect(view.attributes).toEqual({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    expect(view.attributeLocations['spec.policyTypes']?.startLine).toBe(9);
    const model = buildK8sModel(resources);
    expect(model.policies.map((p) => [p.namespace, p.ingress])).toEqual([['shop', true]]);
    expect(model.pods.map((p) => p.namespace)).toEqual(['?metadata.namespace (required by kubernetes_manifest)']);
  });

  it('puts objects without metadata.namespace in "default", as the provider does', async () => {
    const { resources } = await load({ 'main.tf': pod('a', null, '{ app = "a" }') + lb('a', 'default', 'a', 80) });
    const model = buildK8sModel(resources);
    expect(model.pods.map((p) => [p.workload.id, p.namespace])).toEqual([['kubernetes_pod_v1.a', 'default']]);
    expect(flow(kubernetesFlows(resources), 'internet', 'kubernetes_pod_v1.a', 80)?.verdict).toBe('exposed');
  });
});

describe('unresolved and malformed provider values are unknown, with a reason', () => {
  const deny = (name: string, types: string, extra = '') => `
resource "kubernetes_network_policy_v1" "${name}" {
  metadata {
    name      = "${name}"
    namespace = "shop"
  }
  spec {
    pod_selector {}
    ${types}
    ${extra}
  }
}
`;
  const estate = (policy: string) => pod('web', 'shop', '{ app = "web" }') + pod('client', 'shop', '{ app = "client" }') + lb('web', 'shop', 'web', 80) + policy;

  const cases: Array<[string, string, RegExp, string[]?]> = [
    ['policy_types missing (required by the provider)', deny('d', ''), /policy_types is missing \(the kubernetes provider requires it\)/],
    ['policy_types from a variable without a value', 'variable "t" {\n  type = list(string)\n}\n' + deny('d', 'policy_types = var.t'), /policy types unresolved \(.*var\.t.*\)/],
    ['a policy type the API server would reject', deny('d', 'policy_types = ["ingress"]'), /policy types "ingress" unresolved or invalid/],
    ['a malformed ip_block CIDR', deny('d', 'policy_types = ["Ingress"]', 'ingress {\n from {\n ip_block {\n cidr = "300.0.0.0/8"\n }\n }\n }'), /ipBlock: not a CIDR \(300\.0\.0\.0\/8\)/],
    ['an except that is not a CIDR', deny('d', 'policy_types = ["Ingress"]', 'ingress {\n from {\n ip_block {\n cidr = "0.0.0.0/0"\n except = ["ten"]\n }\n }\n }'), /ipBlock: not a CIDR \(ten\)/],
    ['a port from a variable without a value', 'variable "p" {\n  type = string\n}\n' + deny('d', 'policy_types = ["Ingress"]', 'ingress {\n ports {\n port = var.p\n }\n }'), /ports\[0\]\.port \(.*var\.p.*\)/],
    ['a match_labels map from a variable without a value', 'variable "l" {\n  type = map(string)\n}\n' + deny('d', 'policy_types = ["Ingress"]', 'ingress {\n from {\n pod_selector {\n match_labels = var.l\n }\n }\n }'), /whether its peers match the source pod/, ['kubernetes_pod_v1.client']],
  ];
  // a pod selector never matches internet clients: that case is judged between pods only
  for (const [name, policy, reason, sources = ['internet', 'kubernetes_pod_v1.client']] of cases) {
    it(name, async () => {
      const { resources, errors } = await load({ 'main.tf': estate(policy) });
      expect(errors).toEqual([]);
      const flows = kubernetesFlows(resources);
      for (const from of sources) {
        const f = flow(flows, from, 'kubernetes_pod_v1.web', 80);
        expect(f?.verdict, `${from} -> web`).toBe('unknown');
        expect(f!.unknowns!.join('\n'), `${from} -> web`).toMatch(reason);
      }
    });
  }

  it('a namespace from a variable without a value: never matched for sure, never ruled out', async () => {
    const { resources } = await load({ 'main.tf': 'variable "ns" {\n  type = string\n}\n' + pod('web', 'var.ns', '{ app = "web" }') + lb('web', 'shop', 'web', 80) + pod('client', 'shop', '{ app = "client" }') + deny('d', 'policy_types = ["Ingress"]') });
    const flows = kubernetesFlows(resources);
    const f = flow(flows, 'internet', 'kubernetes_pod_v1.web', 80);
    expect(f?.verdict).toBe('unknown');
    expect(f!.unknowns!.join('\n')).toMatch(/namespace shop vs \?.*var\.ns.* unresolved/);
    // the default deny of shop may or may not apply to web
    const g = flow(flows, 'kubernetes_pod_v1.client', 'kubernetes_pod_v1.web', 80);
    expect(g?.verdict).toBe('unknown');
    expect(g!.unknowns!.join('\n')).toMatch(/kubernetes_network_policy_v1\.d: whether it selects the destination pod for ingress \(namespace/);
  });

  it('a malformed .tf file is an error at its line, and the rest of the estate is still judged', async () => {
    const { resources, errors } = await load({ 'broken.tf': 'resource "kubernetes_pod_v1" "x" {\n  metadata {\n    name = \n}\n', 'main.tf': pod('web', 'shop', '{ app = "web" }') + lb('web', 'shop', 'web', 80) });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file: expect.stringContaining('broken.tf') as unknown as string });
    expect(typeof errors[0]!.line).toBe('number');
    expect(flow(kubernetesFlows(resources), 'internet', 'kubernetes_pod_v1.web', 80)?.verdict).toBe('exposed');
  });
});

describe('tetrad network matrix over a Terraform-declared cluster', () => {
  it('gives the same zones, flows and intent audit as the manifest estate it mirrors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-k8stf-matrix-'));
    cpSync(fileURLToPath(new URL('./kubernetes/tf-default-deny', import.meta.url)), dir, { recursive: true });
    try {
      writeFileSync(join(dir, '.tetrad.yaml'), 'intent:\n  - internet -> web:8080\n  - web -> db:5432\n');
      const r = tetrad(['network', 'matrix', '.'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^internet\s+k8s:shop\s+tcp 8080\s+-\s+ok$/m);
      expect(r.stdout).toContain('1 allowed flow outside the intent:\n  kubernetes_deployment_v1.db -> kubernetes_deployment_v1.web tcp 8080\n');
      expect(r.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security graph over a Terraform-declared cluster', () => {
  it('links internet → ingress → service → workload at the Terraform addresses, and not the blocked admin pod', async () => {
    const fixture = (name: string) => fileURLToPath(new URL(`./kubernetes/${name}`, import.meta.url));
    const { resources } = await loadModel([fixture('tf-ingress'), fixture('tf-ipblock-except')], { cwd: fixture('.') });
    const { graph } = buildSecurityGraph(resources);
    const edge = (from: string, to: string) => graph.outEdges(from).find((e) => e.to === to)?.certainty;
    expect([edge('internet', 'kubernetes_ingress_v1.shop'), edge('kubernetes_ingress_v1.shop', 'kubernetes_service_v1.storefront'), edge('kubernetes_service_v1.storefront', 'kubernetes_deployment_v1.storefront')]).toEqual(['proven', 'proven', 'proven']);
    expect(graph.outEdges('internet').some((e) => e.to === 'kubernetes_service_v1.admin')).toBe(false);
    expect(graph.outEdges('internet').some((e) => e.to === 'kubernetes_service_v1.api')).toBe(true);
    expect(graph.node('kubernetes_pod.admin')?.kind).toBe('workload');
  });
});
