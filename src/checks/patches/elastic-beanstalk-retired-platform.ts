import { isUnknown } from '../../model/index.js';
import { eolCatalogue, statusOf } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TARGETS = [
  { types: ['aws_elastic_beanstalk_environment', 'aws_elastic_beanstalk_configuration_template'], sources: TERRAFORM_SOURCES as readonly string[], path: 'solution_stack_name' },
  { types: ['AWS::ElasticBeanstalk::Environment', 'AWS::ElasticBeanstalk::ConfigurationTemplate'], sources: ['cloudformation'] as readonly string[], path: 'SolutionStackName' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-033',
    title: 'Elastic Beanstalk environment uses a retired platform',
    pillar: 'patches',
    severity: 'high',
    description:
      'The solution stack names a retired Elastic Beanstalk platform family (Amazon Linux AMI 2018.03 and earlier, Amazon Linux 2, Windows Server 2012 R2). Retired platforms receive no operating-system, runtime or web-server security updates, and managed updates cannot move the environment off them.',
    remediation: 'Migrate the environment to a supported platform branch (for example Amazon Linux 2023) and set `solution_stack_name` to it.',
    references: [
      'https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.migration-al.html',
      'https://docs.aws.amazon.com/elasticbeanstalk/latest/platforms/platforms-retiring.html',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: TARGETS.flatMap((t) => t.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const families = eolCatalogue().beanstalkPlatforms.families.map((f) => ({ ...f, re: new RegExp(f.pattern, 'i') }));
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const stack = readText(r, t.path);
        if (stack === undefined || isUnknown(stack)) continue;
        const family = families.find((f) => f.re.test(stack));
        if (!family) continue;
        const f = versionFinding(r, t.path, `solution stack "${stack}" is on ${family.name}, which`, '', { status: statusOf(family), cycle: family.name, eol: family.eol }, 'high', `${t.path} = ${stack}`);
        if (f) out.push({ ...f, message: f.message.replace('which  reached', 'which reached') });
      }
    }
    return out;
  },
});
