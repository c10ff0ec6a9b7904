import { asBool, asList, getPath, isObject, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/**
 * EMR block public access (a per-region account setting): with it on, EMR refuses to launch a cluster
 * whose security groups admit 0.0.0.0/0 or ::/0 on any port outside the permitted ranges. AWS's own
 * rule (AWS Config emr-block-public-access, Security Hub EMR.2) accepts port 22 as the only exception.
 * Without the resource the region keeps the service default, which is on.
 */
function judge(r: Resource): FindingDraft[] {
  const block = asBool(getPath(r.attributes, 'block_public_security_group_rules'));
  if (isUnknown(block)) return [{ resource: r, attributePath: 'block_public_security_group_rules', verdict: 'unknown', message: `${r.type} ${r.name}: block_public_security_group_rules is unresolved (${block.toString()})` }];
  if (block === false) {
    return [{ resource: r, attributePath: 'block_public_security_group_rules', message: `${r.type} ${r.name} turns EMR block public access off: clusters may open any port to the internet`, evidence: 'block_public_security_group_rules = false' }];
  }
  if (block !== true) return [];
  const out: FindingDraft[] = [];
  asList(getPath(r.attributes, 'permitted_public_security_group_rule_range')).forEach((range, i) => {
    if (!isObject(range)) return;
    const path = `permitted_public_security_group_rule_range[${i}]`;
    const { min_range: min, max_range: max } = range;
    if (isUnknown(min) || isUnknown(max)) {
      out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: a permitted public port range is unresolved` });
    } else if (typeof min === 'number' && typeof max === 'number' && !(min === 22 && max === 22)) {
      out.push({ resource: r, key: path, attributePath: path, severity: 'medium', message: `${r.type} ${r.name} lets EMR clusters open ports ${min === max ? min : `${min}-${max}`} to the internet (only 22 is an accepted exception)`, evidence: `permitted range ${min}-${max}` });
    }
  });
  return out;
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-056',
    title: 'EMR block public access is off or permits ports other than SSH',
    pillar: 'ports',
    severity: 'high',
    description:
      'EMR block public access stops clusters from launching with security group rules that admit the whole internet. Turned off, any cluster in the region can expose its master node\'s web UIs (YARN ResourceManager, Spark, Jupyter, Livy) and APIs, which have no authentication by default and give remote code execution on the cluster; each permitted port range other than 22 is such an opening.',
    remediation:
      'Set `block_public_security_group_rules = true` and permit at most port 22 (`permitted_public_security_group_rule_range { min_range = 22, max_range = 22 }`); reach the cluster UIs through SSH tunnels, Session Manager or EMR Studio.',
    references: [
      'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-block-public-access.html',
      'https://docs.aws.amazon.com/config/latest/developerguide/emr-block-public-access.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_block_public_access_configuration',
    ],
    compliance: { 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['aws_emr_block_public_access_configuration'],
  },
  run: (ctx) => ctx.ofType('aws_emr_block_public_access_configuration').flatMap(judge),
});
