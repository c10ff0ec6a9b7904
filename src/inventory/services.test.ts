import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, scan } from '../scan/scan.js';
import { nodeOsRelease, runtimeModule, serviceInventory, upstreamKubernetesVersion } from './services.js';

const dir = join(new URL('.', import.meta.url).pathname, 'testdata/services');

describe('service and orchestrator versions from the model', async () => {
  const { resources } = await loadModel([dir], { cwd: dir });
  const inv = serviceInventory(resources);
  const rows = inv.map((p) => `${p.location.file}:${p.location.startLine} ${p.resourceId} ${p.ecosystem} ${p.name} ${p.version}`);

  it('Kubernetes nodes: container runtime, kubelet and kernel, at their lines', () => {
    expect(rows.filter((r) => r.startsWith('nodes.yaml'))).toEqual([
      'nodes.yaml:13 Node/ip-10-0-1-23.eu-west-1.compute.internal Go github.com/containerd/containerd v1.6.8',
      'nodes.yaml:16 Node/ip-10-0-1-23.eu-west-1.compute.internal Go k8s.io/kubernetes v1.27.3',
      'nodes.yaml:14 Node/ip-10-0-1-23.eu-west-1.compute.internal Linux Kernel 5.10.186-179.751.amzn2.x86_64',
      'nodes.yaml:25 Node/legacy-worker-1 Go github.com/docker/docker v18.9.1',
      'nodes.yaml:27 Node/legacy-worker-1 Go k8s.io/kubernetes v1.13.2',
      'nodes.yaml:26 Node/legacy-worker-1 Linux Kernel 4.15.0-45-generic',
      'nodes.yaml:35 Node/crio-worker Go github.com/cri-o/cri-o v1.24.1',
      'nodes.yaml:36 Node/crio-worker Go k8s.io/kubernetes v1.24.3',
    ]);
  });

  it('Terraform and CloudFormation: RDS engines, EKS/AKS/GKE versions, Lambda runtimes; unknown and non-versions left out', () => {
    expect(rows.filter((r) => !r.startsWith('nodes.yaml'))).toEqual([
      'main.tf:5 aws_db_instance.orders cloud-service aws/rds/postgres 11.22',
      'main.tf:16 aws_eks_cluster.main cloud-service aws/eks 1.24',
      'main.tf:22 aws_lambda_function.thumbs cloud-service aws/lambda-runtime python3.8',
      'main.tf:29 azurerm_kubernetes_cluster.aks cloud-service azure/aks 1.26.6',
      'main.tf:32 azurerm_kubernetes_cluster.aks cloud-service azure/aks 1.26.6',
      'main.tf:38 google_container_cluster.gke cloud-service gcp/gke 1.27.3-gke.100',
      'template.yaml:7 Db cloud-service aws/rds/aurora-mysql 5.7.mysql_aurora.2.11.2',
      'template.yaml:11 Fn cloud-service aws/lambda-runtime nodejs16.x',
      'template.yaml:19 Cluster cloud-service aws/eks 1.29',
    ]);
    expect(inv.find((p) => p.resourceId === 'aws_db_instance.orders')).toMatchObject({ attributePath: 'engine_version', foundBy: 'iac' });
  });

  it('reads runtime strings and vendor kubelet versions', () => {
    expect(runtimeModule('containerd://2.0.1')).toEqual({ module: 'github.com/containerd/containerd/v2', version: '2.0.1' });
    expect(runtimeModule('containerd://1.6.12-0ubuntu1~22.04.1')).toEqual({ module: 'github.com/containerd/containerd', version: '1.6.12' });
    expect(runtimeModule('containerd://1.7.0-rc.1')).toEqual({ module: 'github.com/containerd/containerd', version: '1.7.0-rc.1' });
    expect(runtimeModule('rkt://1.30.0')).toBeUndefined();
    expect(upstreamKubernetesVersion('v1.27.3-gke.1000')).toBe('v1.27.3');
    expect(upstreamKubernetesVersion('v1.30.0-rc.1')).toBe('v1.30.0-rc.1');
    expect(upstreamKubernetesVersion('unknown')).toBeUndefined();
    expect(nodeOsRelease('Ubuntu 18.04.6 LTS')).toMatchObject({ id: 'ubuntu', versionId: '18.04' });
    expect(nodeOsRelease('Debian GNU/Linux 11 (bullseye)')).toMatchObject({ id: 'debian', versionId: '11' });
    expect(nodeOsRelease('Amazon Linux 2')).toMatchObject({ id: 'amzn', versionId: '2' });
    expect(nodeOsRelease('Amazon Linux 2023.4.20240528')).toMatchObject({ id: 'amzn', versionId: '2023' });
    expect(nodeOsRelease('Red Hat Enterprise Linux 8.6 (Ootpa)')).toMatchObject({ id: 'rhel', versionId: '8.6' });
    expect(nodeOsRelease('CentOS Stream 9')).toMatchObject({ id: 'centos', versionId: '9', prettyName: 'CentOS Stream 9' });
    expect(nodeOsRelease('Bottlerocket OS 1.19.2 (aws-k8s-1.29)')).toBeUndefined();
    expect(nodeOsRelease('Container-Optimized OS from Google')).toBeUndefined();
  });
});

const OSV = join(new URL('.', import.meta.url).pathname, '../../../shared/data/osv');

describe.skipIf(!existsSync(OSV))('node runtimes feed the vulnerability check (real containerd advisory GO-2022-0344)', () => {
  it('reports containerd 1.6.0 at its containerRuntimeVersion line, not 1.6.8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-nodes-'));
    try {
      mkdirSync(join(dir, 'advisories'));
      copyFileSync(join(OSV, 'GO-2022-0344.json'), join(dir, 'advisories/GO-2022-0344.json'));
      const node = (name: string, runtime: string) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: ${name}\nstatus:\n  nodeInfo:\n    containerRuntimeVersion: ${runtime}\n    kubeletVersion: v1.23.17\n`;
      writeFileSync(join(dir, 'nodes.yaml'), `${node('old', 'containerd://1.6.0')}---\n${node('new', 'containerd://1.6.8')}`);
      const result = await scan([dir], { cwd: dir, loadConfig: false, selection: { only: ['TET-PATCH-034'] } });
      expect(result.findings.map((f) => `${f.location.file}:${f.location.startLine} ${f.resource.id} ${f.evidence}`)).toEqual(['nodes.yaml:7 Node/old github.com/containerd/containerd v1.6.0 < 1.6.1 (fixed)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
