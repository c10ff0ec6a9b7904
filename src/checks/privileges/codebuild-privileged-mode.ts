import { asBool, getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-041',
    title: 'CodeBuild project runs builds in privileged mode',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'Privileged mode runs the build container with root access to the build host\'s Docker daemon; any dependency or build script that is compromised (a poisoned package, a pull request build) gets root on the build host and the project\'s service role.',
    remediation: 'Set `privileged_mode = false` (CloudFormation `PrivilegedMode: false`) unless the project builds Docker images; build images with rootless tools such as Kaniko or BuildKit rootless instead.',
    references: ['https://docs.aws.amazon.com/codebuild/latest/userguide/change-project-console.html#change-project-console-environment', 'https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-5'],
    compliance: { 'nist-800-53': ['AC-6', 'CM-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_codebuild_project', 'AWS::CodeBuild::Project'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const judge = (r: Resource, path: string) => {
      const v = asBool(getPath(r.attributes, path));
      if (v === true) out.push({ resource: r, attributePath: path, message: `${r.type} ${r.name} runs its builds in privileged mode`, evidence: 'privileged mode: true' });
      else if (isUnknown(v)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: privileged mode is unresolved (${v.toString()})` });
    };
    for (const r of ctx.ofType('aws_codebuild_project')) if (TF.has(r.source)) judge(r, 'environment[0].privileged_mode');
    for (const r of ctx.ofType('AWS::CodeBuild::Project')) if (r.source === 'cloudformation') judge(r, 'Environment.PrivilegedMode');
    return out;
  },
});
