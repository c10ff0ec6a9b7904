import { describe, expect, it } from 'vitest';
import { getPath, lineRange, unknown, type Resource } from '../src/model/index.js';
import { kindOfTerraformType, terraformKubernetesView } from '../src/checks/_lib/k8s-terraform.js';

function tf(type: string, attributes: Resource['attributes'], attributeLocations: Resource['attributeLocations'] = {}): Resource {
  return { id: `${type}.x`, type, provider: 'kubernetes', source: 'terraform', name: 'x', attributes, location: lineRange('main.tf', 1, 30), attributeLocations, references: [] };
}

describe('Terraform kubernetes provider views', () => {
  it('maps provider types to kinds, with and without the _v1 suffix', () => {
    expect(kindOfTerraformType('kubernetes_deployment_v1')).toBe('Deployment');
    expect(kindOfTerraformType('kubernetes_daemonset')).toBe('DaemonSet');
    expect(kindOfTerraformType('kubernetes_cron_job_v1')).toBe('CronJob');
    expect(kindOfTerraformType('kubernetes_service_v1')).toBe('Service');
    expect(kindOfTerraformType('kubernetes_horizontal_pod_autoscaler')).toBeUndefined();
  });

  it('unwraps single blocks, pluralises repeated ones, camel-cases names and keeps lines', () => {
    const r = tf(
      'kubernetes_deployment',
      {
        metadata: [{ name: 'web' }],
        spec: [{ template: [{ spec: [{ host_pid: true, container: [{ name: 'a', security_context: [{ run_as_non_root: unknown('variable without a value', 'var.x'), capabilities: [{ add: ['SYS_ADMIN'] }] }] }] }] }] }],
      },
      { 'spec[0].template[0].spec[0].container[0].security_context[0].capabilities[0].add[0]': lineRange('main.tf', 12) },
    );
    const view = terraformKubernetesView(r)!;
    expect(view.type).toBe('Deployment');
    expect(view.source).toBe('kubernetes');
    expect(getPath(view.attributes, 'metadata.name')).toBe('web');
    expect(getPath(view.attributes, 'spec.template.spec.hostPID')).toBe(true);
    expect(getPath(view.attributes, 'spec.template.spec.containers[0].securityContext.capabilities.add[0]')).toBe('SYS_ADMIN');
    expect(String(getPath(view.attributes, 'spec.template.spec.containers[0].securityContext.runAsNonRoot'))).toContain('var.x');
    expect(view.attributeLocations['spec.template.spec.containers[0].securityContext.capabilities.add[0]']?.startLine).toBe(12);
  });

  it('ignores manifests and other Terraform resources', () => {
    expect(terraformKubernetesView(tf('aws_instance', {}))).toBeUndefined();
    expect(terraformKubernetesView({ ...tf('kubernetes_pod', {}), source: 'kubernetes' })).toBeUndefined();
  });
});

describe('Terraform PodSecurityPolicy views', () => {
  it('keeps a scalar `rule` (PodSecurityPolicy) while pluralising `rule` blocks (RBAC)', () => {
    const psp = terraformKubernetesView(tf('kubernetes_pod_security_policy', { spec: [{ run_as_user: [{ rule: 'MustRunAs', range: [{ min: 1, max: 9 }] }] }] }))!;
    expect(getPath(psp.attributes, 'spec.runAsUser.rule')).toBe('MustRunAs');
    expect(getPath(psp.attributes, 'spec.runAsUser.ranges[0].min')).toBe(1);
    const role = terraformKubernetesView(tf('kubernetes_cluster_role_v1', { rule: [{ verbs: ['*'], resources: ['pods'] }] }))!;
    expect(getPath(role.attributes, 'rules[0].verbs[0]')).toBe('*');
  });
});
