import { defineCheck, type FindingDraft } from '../engine/types.js';
import { buildAwsTopology, type TgwAttachment } from '../../graph/reachability/aws/index.js';

const TGW_TYPES = ['aws_ec2_transit_gateway', 'AWS::EC2::TransitGateway'];

export default defineCheck({
  meta: {
    id: 'TET-PORTS-031',
    title: 'Transit gateway joins every attached VPC in one route table',
    pillar: 'ports',
    severity: 'medium',
    description:
      'A transit gateway with default route table association and propagation on (the AWS defaults) puts every VPC attachment that does not opt out into its default route table and propagates every attached VPC block into it, so each of those VPCs has a route to every other: one flat network in which only the VPC route tables and security groups keep production, staging and shared services apart. A VPC attached later joins automatically. The paths this allows are judged flow by flow by `tetrad network exposure --east-west` and the intent audit (TET-PORTS-039); this check reports the design.',
    remediation:
      'Set `default_route_table_association = "disable"` and `default_route_table_propagation = "disable"` (CloudFormation `DefaultRouteTableAssociation`/`DefaultRouteTablePropagation: disable`), create one route table per segment (for example prod, non-prod, shared), associate each attachment with its segment\'s table and propagate only the VPCs that segment may reach.',
    references: ['https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html', 'https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/transit-gateway.html'],
    compliance: { 'nist-800-53': ['SC-7', 'AC-4'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: TGW_TYPES,
  },
  run(ctx) {
    // the topology is built only where there is a transit gateway to judge
    if (ctx.ofType(...TGW_TYPES).length === 0) return [];
    const topo = buildAwsTopology(ctx.resources, ctx);
    const out: FindingDraft[] = [];
    for (const tgw of topo.transitGateways.values()) {
      if (!tgw.defaultAssociation || !tgw.defaultPropagation) continue;
      const propagating = new Set(tgw.defaultTable.propagations.map((p) => p.attachment));
      const joined: TgwAttachment[] = [];
      let maybe = 0;
      for (const att of topo.tgwAttachments) {
        if (!att.tgw || !('ok' in att.tgw) || att.tgw.ok !== tgw) continue;
        const assoc = topo.tgwAssociation.get(att);
        if (assoc && 'unknown' in assoc) maybe++;
        else if (assoc?.table === tgw.defaultTable && propagating.has(att)) joined.push(att);
      }
      const vpcs = [...new Set(joined.map((a) => (a.vpc && 'ok' in a.vpc ? a.vpc.ok.r.id : a.r.id)))];
      if (vpcs.length + maybe < 2) continue;
      const verdict = vpcs.length >= 2 ? 'fail' : 'unknown';
      const path = TGW_TYPES[1] === tgw.r.type ? 'DefaultRouteTableAssociation' : 'default_route_table_association';
      const draft: FindingDraft = {
        resource: tgw.r,
        verdict,
        message:
          verdict === 'fail'
            ? `transit gateway ${tgw.r.name} joins ${vpcs.length} VPCs (${vpcs.slice(0, 5).join(', ')}${vpcs.length > 5 ? ', ...' : ''}) in its default route table: each routes to every other`
            : `transit gateway ${tgw.r.name} may join several VPCs in its default route table (route table associations not resolved)`,
        evidence: joined.map((a) => a.r.id).join(', '),
      };
      if (tgw.r.attributes[path] !== undefined) draft.attributePath = path;
      out.push(draft);
    }
    return out;
  },
});
