import { asBool, getPath, isUnknown } from '../../model/index.js';
import { componentInvocations, describe, kubeletConfigurations } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const isTrue = (v: string | true | undefined): boolean => v === true || (v !== undefined && /^(true|1|t)$/i.test(v));

export default defineCheck({
  meta: {
    id: 'TET-PASS-074',
    title: 'Kubernetes API server, kubelet or etcd serves TLS with a self-signed certificate',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'Given no serving certificate, kube-apiserver and the kubelet generate a self-signed one at start-up. Clients then either skip verification or pin a certificate that changes with every new node, so whoever can intercept the traffic impersonates the API server or a kubelet and reads the tokens, Secrets and exec sessions that pass through. A kubelet may instead request its serving certificate from the cluster CA (serverTLSBootstrap / --rotate-server-certificates). etcd does the same for clients and peers with `--auto-tls` / `--peer-auto-tls`, so whoever reaches it can pose as a member and read every Secret.',
    remediation: 'Pass `--tls-cert-file` and `--tls-private-key-file` signed by the cluster CA to kube-apiserver; for kubelets set `serverTLSBootstrap: true` (and approve the CSRs) or `tlsCertFile`/`tlsPrivateKeyFile` in the KubeletConfiguration; give etcd `--cert-file`/`--key-file` and `--peer-cert-file`/`--peer-key-file` from the etcd CA instead of `--auto-tls`/`--peer-auto-tls`.',
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/#certificate-rotation',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
    ],
    compliance: { 'cis-kubernetes': ['1.2.24', '2.3', '2.6', '4.2.9', '4.2.10'], 'nist-800-53': ['SC-8', 'SC-17', 'IA-3'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'KubeletConfiguration'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const inv of componentInvocations(ctx)) {
      const f = (name: string) => inv.flags.get(name);
      let message: string | undefined;
      if (inv.component === 'kube-apiserver') {
        if (f('secure-port')?.value === '0') continue; // serves no TLS at all (TET-PORTS-041 judges the insecure port)
        if (!f('tls-cert-file') && !f('tls-private-key-file')) message = `${describe(inv)} sets neither --tls-cert-file nor --tls-private-key-file, so it serves the API with a self-signed certificate`;
      } else if (inv.component === 'kubelet') {
        if (f('config')) continue; // the configuration file decides (read below when it is in the scan)
        if (!f('tls-cert-file') && !f('tls-private-key-file') && !isTrue(f('rotate-server-certificates')?.value)) message = `${describe(inv)} sets neither --tls-cert-file nor --rotate-server-certificates, so it serves its API with a self-signed certificate`;
      }
      if (inv.component === 'etcd') {
        // --auto-tls / --peer-auto-tls: etcd generates a self-signed certificate for clients / peers
        for (const [flag, whom] of [['auto-tls', 'clients'], ['peer-auto-tls', 'peers']] as const) {
          const set = f(flag);
          if (set && isTrue(set.value)) out.push({ resource: inv.resource, key: `${inv.container.path}:${flag}`, attributePath: set.path, message: `${describe(inv)} serves its ${whom} a self-signed certificate (--${flag})`, evidence: `--${flag}=${String(set.value)}` });
        }
      }
      if (!message) continue;
      const key = `${inv.container.path}:tls-cert-file`;
      if (inv.hasUnknown) out.push({ resource: inv.resource, key, attributePath: inv.commandPath, verdict: 'unknown', message: `${describe(inv)}: part of the command line is unresolved, --tls-cert-file may be set there` });
      else out.push({ resource: inv.resource, key, attributePath: inv.commandPath, message, evidence: '--tls-cert-file not set' });
    }
    for (const r of kubeletConfigurations(ctx)) {
      const cert = getPath(r.attributes, 'tlsCertFile');
      const key = getPath(r.attributes, 'tlsPrivateKeyFile');
      const bootstrap = getPath(r.attributes, 'serverTLSBootstrap');
      if ((cert !== undefined && cert !== null && cert !== '') || (key !== undefined && key !== null && key !== '')) continue;
      if (asBool(bootstrap) === true) continue;
      if (isUnknown(bootstrap)) {
        out.push({ resource: r, attributePath: 'serverTLSBootstrap', verdict: 'unknown', message: `KubeletConfiguration ${r.name}: serverTLSBootstrap is unresolved` });
        continue;
      }
      const at = bootstrap === undefined ? undefined : 'serverTLSBootstrap';
      out.push({ resource: r, ...(at ? { attributePath: at } : {}), message: `KubeletConfiguration ${r.name} sets neither tlsCertFile nor serverTLSBootstrap: true, so the kubelet serves its API with a self-signed certificate`, evidence: bootstrap === undefined ? 'tlsCertFile not set' : `serverTLSBootstrap: ${String(bootstrap)}` });
    }
    return out.map(fromView);
  },
});
