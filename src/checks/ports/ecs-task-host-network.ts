import { settingFindings } from '../_lib/setting-values.js';
import { defineCheck } from '../engine/types.js';

const host = (v: string) => v.toLowerCase() === 'host';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-054',
    title: 'ECS task definition uses the host network mode',
    pillar: 'ports',
    severity: 'medium',
    description:
      'With `network_mode = "host"` the task\'s containers share the EC2 instance\'s network namespace: every port a container listens on is a port of the instance, with no port mapping or per-task security group (awsvpc) in between, and the containers reach services bound to the instance\'s loopback and the instance metadata service with the instance role\'s credentials. Run as root, a container in host mode can also reconfigure the host\'s networking.',
    remediation:
      'Use `network_mode = "awsvpc"` (CloudFormation `NetworkMode: awsvpc`) so each task gets its own network interface and security groups; if host mode is unavoidable, run the containers as a non-root `user` and block the metadata service from them (ECS_AWSVPC_BLOCK_IMDS / hop limit 1).',
    references: [
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html',
      'https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/networking-networkmode-host.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-1',
    ],
    compliance: { 'nist-800-53': ['SC-7', 'AC-6'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'],
  },
  run: (ctx) =>
    settingFindings(
      (t) => ctx.ofType(t),
      [
        { type: 'aws_ecs_task_definition', path: 'network_mode', weak: host },
        { type: 'AWS::ECS::TaskDefinition', path: 'NetworkMode', weak: host },
      ],
      (r) => `${r.type} ${r.name} runs its containers in the host's network namespace (network mode host)`,
    ),
});
