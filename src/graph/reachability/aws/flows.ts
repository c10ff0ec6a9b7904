/**
 * AWS exposures as flows for the checks and the segmentation matrix (`common/flow.ts`): the
 * internet zone to the endpoint's subnet. A load balancer path is judged at the workload: its
 * port is the target group port (where the service listens), and the balancer's own listener
 * exposure is dropped when it forwards to a known target.
 */
import type { Resource } from '../../../model/index.js';
import type { Flow } from '../common/flow.js';
import { AwsReachability, type AwsReachOptions } from './evaluate.js';
import { buildAwsTopology, type ModelIndex } from './topology.js';

/** Types an exposure can land on: instances, ENIs, auto scaling groups, load balancers. */
export const AWS_WORKLOAD_TYPES = ['aws_instance', 'aws_network_interface', 'aws_autoscaling_group', 'aws_lb', 'aws_alb', 'AWS::EC2::Instance', 'AWS::EC2::NetworkInterface', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::ElasticLoadBalancingV2::LoadBalancer'];

/** `index`: the check context's id and type indexes, which spare the topology its own (same flows) */
export function awsFlows(resources: readonly Resource[], opts: AwsReachOptions = {}, index?: ModelIndex): Flow[] {
  const engine = new AwsReachability(buildAwsTopology(resources, index), opts);
  const exposures = engine.compute(opts);
  const zoneOf = new Map<string, string>();
  for (const ep of engine.topo.endpoints) if (ep.subnet && 'ok' in ep.subnet) zoneOf.set(ep.r.id, ep.subnet.ok.r.id);
  const forwarded = new Set(exposures.filter((e) => e.workloadId).map((e) => `${e.endpointId}|${e.protocol}|${e.ports.from}|${e.family ?? ''}`));
  const out: Flow[] = [];
  for (const e of exposures) {
    if (!e.workloadId && forwarded.has(`${e.endpointId}|${e.protocol}|${e.ports.from}|${e.family ?? ''}`)) continue;
    const target = e.workloadId ?? e.endpointId;
    const flow: Flow = { ...e, ports: e.workloadPorts ?? e.ports, fromZone: 'internet', toZone: zoneOf.get(target) ?? target, toName: target.split('.').pop() ?? target };
    out.push(flow);
  }
  return out;
}
