/**
 * What every reachability engine (AWS, Azure, GCP, Kubernetes) answers, so the ports checks, the
 * zero-trust audit, `tetrad network` and the security graph read one shape.
 *
 * A verdict is never "safe" on a guess: when any input on the path is unknown, the verdict is
 * `unknown` and `unknowns` says which values it hangs on.
 */
import type { Location } from '../../model/index.js';

export type ReachVerdict = 'exposed' | 'not-exposed' | 'unknown';

/** The component that stops traffic, for a "not exposed" verdict. */
export type BlockedBy =
  | 'no-public-address'
  | 'no-route'
  | 'blackhole-route'
  | 'gateway-not-attached'
  | 'nacl'
  | 'nacl-return'
  | 'security-group'
  | 'load-balancer-listener'
  | 'load-balancer-security-group'
  | 'target-not-registered'
  | 'nsg'
  | 'firewall'
  | 'network-policy'
  | 'not-an-entry-point';

/** The rule or setting that let traffic through (or stopped it) at one hop. */
export interface RuleRef {
  resourceId: string;
  /** attribute path inside the resource, e.g. "ingress[0]", "rule 100" */
  attributePath?: string;
  location?: Location;
  /** one line a person can read: "rule 100 allow tcp 22 from 0.0.0.0/0" */
  summary: string;
}

export interface Hop {
  /** internet, internet-gateway, route-table, nacl, subnet, security-group, load-balancer, listener, target-group, eni, instance, nsg, firewall, service, ingress, pod, network-policy ... */
  kind: string;
  /** the model resource at this hop ('internet' for the synthetic source) */
  resourceId: string;
  /** the rules that allowed passage (or, on the blocking hop, that denied it) */
  rules: RuleRef[];
  note?: string;
}

export interface Exposure {
  /** the endpoint judged: instance, ENI, load balancer, VM, pod, service ... */
  endpointId: string;
  /** the workload behind the endpoint when it differs (the instance behind a load balancer) */
  workloadId?: string;
  /** where the traffic comes from: 'internet', or a resource/zone id for east-west flows */
  from: string;
  protocol: string;
  /** inclusive port range reached on the endpoint */
  ports: { from: number; to: number };
  /** the port range on the workload when it differs (a load balancer's target group port) */
  workloadPorts?: { from: number; to: number };
  /** 'ipv4' | 'ipv6' when the verdict differs by address family */
  family?: 'ipv4' | 'ipv6';
  verdict: ReachVerdict;
  /** hop by hop, from the source to the endpoint; for a blocked path it ends at the blocking hop */
  path: Hop[];
  blockedBy?: BlockedBy;
  /** the values an `unknown` verdict depends on: "aws_instance.web.associate_public_ip_address" */
  unknowns?: string[];
}
