import { settingFindings } from '../_lib/setting-values.js';
import { defineCheck } from '../engine/types.js';

const host = (v: string) => v.toLowerCase() === 'host';

const RULES = [
  { type: 'aws_ecs_task_definition', path: 'pid_mode', weak: host },
  { type: 'aws_ecs_task_definition', path: 'ipc_mode', weak: host },
  { type: 'AWS::ECS::TaskDefinition', path: 'PidMode', weak: host },
  { type: 'AWS::ECS::TaskDefinition', path: 'IpcMode', weak: host },
];

const WHAT: Record<string, string> = {
  pid_mode: 'process',
  PidMode: 'process',
  ipc_mode: 'IPC',
  IpcMode: 'IPC',
};

export default defineCheck({
  meta: {
    id: 'TET-PRIV-066',
    title: "ECS task definition shares the host's process or IPC namespace",
    pillar: 'privileges',
    severity: 'high',
    description:
      "With `pidMode: host` every container of the task sees all processes of the EC2 instance — other tasks, the ECS agent, the Docker daemon — and, running as root or with SYS_PTRACE, can read their memory and environment (credentials included) or signal them; with `ipcMode: host` it shares the instance's System V IPC and POSIX shared memory with every other process. Both remove the isolation between the task and the host (the ECS counterpart of a Kubernetes pod with hostPID / hostIPC).",
    remediation: 'Leave `PidMode` / `pid_mode` and `IpcMode` / `ipc_mode` unset (each container gets its own namespace) or set them to `task` when the containers of one task must share one; Fargate accepts only `task`.',
    references: [
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecs-taskdefinition.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3',
    ],
    compliance: { 'nist-800-53': ['AC-6', 'SC-39'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_ecs_task_definition', 'AWS::ECS::TaskDefinition'],
  },
  run: (ctx) =>
    RULES.flatMap((rule) =>
      settingFindings(
        (t) => ctx.ofType(t),
        [rule],
        (r) => `${r.type} ${r.name} shares the host's ${WHAT[rule.path] ?? ''} namespace with its containers (${rule.path} host)`,
      ),
    ),
});
