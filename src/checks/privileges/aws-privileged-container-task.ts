import { asBool, asList, getPath, isObject, isUnknown, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

/** Terraform holds container definitions as a JSON string (usually from jsonencode). */
function parseDefinitions(v: Value | undefined): Value[] | undefined {
  if (typeof v === 'string') {
    try {
      const parsed = JSON.parse(v) as Value;
      return Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return Array.isArray(v) ? v : undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-026',
    title: 'ECS or Batch container runs privileged',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'An ECS container definition or AWS Batch job definition with `privileged: true` gets root on the EC2 container instance: every capability and all host devices. Escaping it exposes every other task on the instance and the instance role\'s credentials.',
    remediation: 'Remove `privileged` from the container definition (Fargate does not support it at all); add only the Linux capabilities the container needs through `linuxParameters.capabilities.add`.',
    references: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4'],
    compliance: { 'nist-800-53': ['AC-6', 'CM-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_ecs_task_definition', 'aws_batch_job_definition', 'AWS::ECS::TaskDefinition', 'AWS::Batch::JobDefinition'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('aws_ecs_task_definition')) {
      if (!TF.has(r.source)) continue;
      const defs = parseDefinitions(getPath(r.attributes, 'container_definitions'));
      for (const d of defs ?? []) {
        if (!isObject(d)) continue;
        const v = asBool(d.privileged);
        const name = typeof d.name === 'string' ? d.name : '(unnamed)';
        if (v === true) out.push({ resource: r, key: name, attributePath: 'container_definitions', message: `container "${name}" of ${r.type} ${r.name} runs privileged`, evidence: 'privileged: true' });
        else if (isUnknown(v)) out.push({ resource: r, key: name, attributePath: 'container_definitions', verdict: 'unknown', message: `container "${name}" of ${r.type} ${r.name}: privileged is unresolved` });
      }
    }
    for (const r of ctx.ofType('aws_batch_job_definition')) {
      if (!TF.has(r.source)) continue;
      const raw = getPath(r.attributes, 'container_properties');
      let props: Value | undefined = raw;
      if (typeof raw === 'string') {
        try {
          props = JSON.parse(raw) as Value;
        } catch {
          props = undefined;
        }
      }
      if (!isObject(props)) continue;
      const v = asBool(props.privileged);
      if (v === true) out.push({ resource: r, attributePath: 'container_properties', message: `${r.type} ${r.name} runs its container privileged`, evidence: 'privileged: true' });
      else if (isUnknown(v)) out.push({ resource: r, attributePath: 'container_properties', verdict: 'unknown', message: `${r.type} ${r.name}: privileged is unresolved` });
    }
    for (const r of ctx.ofType('AWS::Batch::JobDefinition')) {
      if (r.source !== 'cloudformation') continue;
      const path = 'ContainerProperties.Privileged';
      const v = asBool(getPath(r.attributes, path));
      if (v === true) out.push({ resource: r, attributePath: path, message: `${r.type} ${r.name} runs its container privileged`, evidence: 'Privileged: true' });
      else if (isUnknown(v)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: Privileged is unresolved (${v.toString()})` });
    }
    for (const r of ctx.ofType('AWS::ECS::TaskDefinition')) {
      if (r.source !== 'cloudformation') continue;
      asList(getPath(r.attributes, 'ContainerDefinitions')).forEach((d, i) => {
        if (!isObject(d)) return;
        const path = `ContainerDefinitions[${i}].Privileged`;
        const v = asBool(d.Privileged);
        const name = typeof d.Name === 'string' ? d.Name : `#${i}`;
        if (v === true) out.push({ resource: r, key: path, attributePath: path, message: `container "${name}" of ${r.type} ${r.name} runs privileged`, evidence: 'Privileged: true' });
        else if (isUnknown(v)) out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `container "${name}" of ${r.type} ${r.name}: Privileged is unresolved (${v.toString()})` });
      });
    }
    return out;
  },
});
