import { getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-030',
    title: 'SageMaker notebook users have root access',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'SageMaker notebook instances give their users root by default. Root on the notebook can change its software, read every user\'s files, and use the notebook\'s execution role without the limits the environment was meant to impose.',
    remediation: 'Set `root_access = "Disabled"` (CloudFormation `RootAccess: Disabled`) on notebook instances; install what users need through lifecycle configurations.',
    references: ['https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-3'],
    compliance: { 'nist-800-53': ['AC-6', 'AC-6(2)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_sagemaker_notebook_instance', 'AWS::SageMaker::NotebookInstance'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const judge = (r: Resource, field: string) => {
      const v = getPath(r.attributes, field);
      if (isUnknown(v)) out.push({ resource: r, attributePath: field, verdict: 'unknown', message: `${r.type} ${r.name}: ${field} is unresolved (${v.toString()})` });
      else if (v === undefined || v === null) out.push({ resource: r, message: `${r.type} ${r.name} does not set ${field}, so notebook users get root (the default is Enabled)`, evidence: `${field} not set` });
      else if (typeof v === 'string' && v.trim().toLowerCase() !== 'disabled') out.push({ resource: r, attributePath: field, message: `${r.type} ${r.name} gives notebook users root access`, evidence: `${field} = ${v}` });
    };
    for (const r of ctx.ofType('aws_sagemaker_notebook_instance')) if (TF.has(r.source)) judge(r, 'root_access');
    for (const r of ctx.ofType('AWS::SageMaker::NotebookInstance')) if (r.source === 'cloudformation') judge(r, 'RootAccess');
    return out;
  },
});
