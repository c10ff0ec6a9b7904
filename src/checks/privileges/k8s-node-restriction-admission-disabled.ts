import { componentInvocations, describe, flagList } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-070',
    title: 'Kubernetes API server runs without the NodeRestriction admission plugin',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'NodeRestriction limits each kubelet to changing its own Node object and the pods bound to it, and stops it from setting the labels that steer workloads (node-restriction.kubernetes.io/). It is not among the plugins the API server enables by default, so without `--enable-admission-plugins=...,NodeRestriction` a compromised node can relabel or taint other nodes to attract sensitive pods, or alter pods on other nodes.',
    remediation: 'Add NodeRestriction to `--enable-admission-plugins` (kubeadm does), keep it out of `--disable-admission-plugins`, and run the API server with `--authorization-mode=Node,RBAC`.',
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#noderestriction',
      'https://kubernetes.io/docs/reference/access-authn-authz/node/',
    ],
    compliance: { 'cis-kubernetes': ['1.2.15'], 'nist-800-53': ['AC-3', 'AC-6'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const inv of componentInvocations(ctx)) {
      if (inv.component !== 'kube-apiserver') continue;
      const has = (name: string): boolean => flagList(inv.flags.get(name)).some((p) => p.toLowerCase() === 'noderestriction');
      const key = `${inv.container.path}:node-restriction`;
      const disabled = inv.flags.get('disable-admission-plugins');
      if (disabled && has('disable-admission-plugins')) {
        out.push({ resource: inv.resource, key, attributePath: disabled.path, message: `${describe(inv)} disables the NodeRestriction admission plugin`, evidence: `--disable-admission-plugins=${String(disabled.value)}` });
        continue;
      }
      if (has('enable-admission-plugins') || has('admission-control')) continue;
      // the plugin list as written (the legacy --admission-control replaces the defaults), else the binary
      const written = inv.flags.get('enable-admission-plugins') ?? inv.flags.get('admission-control');
      if (!written && inv.hasUnknown) {
        out.push({ resource: inv.resource, key, attributePath: inv.commandPath, verdict: 'unknown', message: `${describe(inv)}: part of the command line is unresolved, --enable-admission-plugins may be set there` });
        continue;
      }
      out.push({
        resource: inv.resource,
        key,
        attributePath: written ? written.path : inv.commandPath,
        message: written ? `${describe(inv)} enables admission plugins without NodeRestriction (${String(written.value)})` : `${describe(inv)} sets no --enable-admission-plugins, and NodeRestriction is not enabled by default`,
        evidence: written ? `admission plugins: ${String(written.value)}` : '--enable-admission-plugins not set',
      });
    }
    return out.map(fromView);
  },
});
