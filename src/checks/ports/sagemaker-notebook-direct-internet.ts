import { settingFindings } from '../_lib/setting-values.js';
import { defineCheck } from '../engine/types.js';

const enabled = (v: string) => v.toLowerCase() !== 'disabled';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-053',
    title: 'SageMaker notebook instance has direct internet access',
    pillar: 'ports',
    severity: 'high',
    description:
      'A SageMaker notebook instance with direct internet access (the default) sits on a network interface that SageMaker connects to the internet, outside the VPC\'s security groups, route tables and egress controls. Code run in the notebook, and anyone who gets a session in it, can reach and be reached through that path and can send data out unseen by the VPC\'s controls.',
    remediation:
      'Launch the notebook in a VPC subnet (`subnet_id`, `security_groups`) and set `direct_internet_access = "Disabled"` (CloudFormation `DirectInternetAccess: Disabled`); give it the access it needs through VPC endpoints or a NAT gateway.',
    references: [
      'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance#direct_internet_access',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html#sagemaker-1',
    ],
    compliance: { 'nist-800-53': ['SC-7', 'AC-4'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_sagemaker_notebook_instance', 'AWS::SageMaker::NotebookInstance'],
  },
  run: (ctx) =>
    settingFindings(
      (t) => ctx.ofType(t),
      [
        { type: 'aws_sagemaker_notebook_instance', path: 'direct_internet_access', weak: enabled, weakDefault: 'Enabled' },
        { type: 'AWS::SageMaker::NotebookInstance', path: 'DirectInternetAccess', weak: enabled, weakDefault: 'Enabled' },
      ],
      (r, value, explicit) =>
        explicit ? `${r.type} ${r.name} has direct internet access (${value})` : `${r.type} ${r.name} does not set direct internet access, so it is Enabled`,
    ),
});
