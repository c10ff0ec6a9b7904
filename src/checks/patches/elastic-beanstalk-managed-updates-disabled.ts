import { asBool, getPath, isObject } from '../../model/index.js';
import { resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const NAMESPACE = 'aws:elasticbeanstalk:managedactions';
const OPTION = 'ManagedActionsEnabled';

/** Where each input kind keeps option settings, and the field names of one setting. */
const TARGETS = [
  { type: 'aws_elastic_beanstalk_environment', sources: TERRAFORM_SOURCES as readonly string[], list: 'setting', ns: 'namespace', name: 'name', value: 'value' },
  { type: 'AWS::ElasticBeanstalk::Environment', sources: ['cloudformation'] as readonly string[], list: 'OptionSettings', ns: 'Namespace', name: 'OptionName', value: 'Value' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-026',
    title: 'Elastic Beanstalk managed platform updates are turned off',
    pillar: 'patches',
    severity: 'medium',
    description:
      'With `ManagedActionsEnabled = false` Elastic Beanstalk does not apply platform patch and minor updates (operating system, language runtime, web server) in the maintenance window; the environment keeps the platform version, and its vulnerabilities, it was launched with.',
    remediation: 'Set the `aws:elasticbeanstalk:managedactions` option `ManagedActionsEnabled` to `true`, with `PreferredStartTime` and `aws:elasticbeanstalk:managedactions:platformupdate` `UpdateLevel` = `minor` or `patch`.',
    references: [
      'https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-platform-update-managed.html',
      'https://docs.aws.amazon.com/config/latest/developerguide/elastic-beanstalk-managed-updates-enabled.html',
    ],
    compliance: { 'nist-800-53': ['SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: TARGETS.map((t) => t.type),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, [t.type], t.sources)) {
        const list = getPath(r.attributes, t.list);
        if (!Array.isArray(list)) continue;
        list.forEach((s, i) => {
          if (!isObject(s) || s[t.ns] !== NAMESPACE || s[t.name] !== OPTION) return;
          if (asBool(s[t.value]) !== false) return;
          out.push({ resource: r, attributePath: `${t.list}[${i}].${t.value}`, key: `${t.list}[${i}]`, message: `Elastic Beanstalk environment ${r.name} turns managed platform updates off`, evidence: `${NAMESPACE} ${OPTION} = false` });
        });
      }
    }
    return out;
  },
});
