/**
 * Inputs and outputs of the IAM evaluation engine.
 */
import type { Location } from '../../model/index.js';
import type { PolicyDocument, PolicyStatement } from '../../checks/_lib/iam-policy.js';
import type { RequestContext } from './context.js';

/**
 * identity: attached to the principal (inline, managed, through a group);
 * resource: the target's resource policy (a role's trust policy for sts:AssumeRole*);
 * boundary: the principal's permissions boundary; scp: an Organizations SCP;
 * session: a session policy passed when the session was created.
 */
export type PolicyKind = 'identity' | 'resource' | 'boundary' | 'scp' | 'session';

export interface EvalPolicy {
  /** readable name: a resource id, a policy ARN, "AdministratorAccess" */
  name: string;
  kind: PolicyKind;
  /** the document; undefined when the policy is attached but its content is unknown */
  document?: PolicyDocument;
  /** why the content is unknown (an ARN outside the model and the catalogue, an unresolved attribute) */
  unresolved?: string;
  /** where a statement was written, when known */
  locate?: (statement: PolicyStatement) => Location | undefined;
  /** for SCPs: the level of the organisation tree (root, OU..., account); every level must allow */
  level?: number;
  /** for identity policies: how it reaches the principal ("inline", "managed", "group developers") */
  via?: string;
}

export type PrincipalKind = 'user' | 'role' | 'group' | 'root' | 'service' | 'federated' | 'external';

export interface RequestPrincipal {
  kind: PrincipalKind;
  /** the IAM ARN (user, role), the service name (ec2.amazonaws.com) or the identity provider */
  arn: string;
  account?: string;
}

export interface EvalRequest {
  principal: RequestPrincipal;
  action: string;
  /** the resource ARN; "*" (the default) asks about the action without a particular resource, like the policy simulator */
  resource?: string;
  /** account owning the resource, when known (for cross-account rules) */
  resourceAccount?: string;
  context: RequestContext;
}

export interface PolicySet {
  identity: EvalPolicy[];
  resource?: EvalPolicy[];
  /** the permissions boundary; undefined when the principal has none */
  boundary?: EvalPolicy[];
  /** SCPs; undefined or empty when no SCP applies */
  scps?: EvalPolicy[];
  /** session policies; undefined when the session has none */
  session?: EvalPolicy[];
}

export type DecisionKind = 'allowed' | 'denied' | 'allowed-if';

export interface StatementHit {
  policy: string;
  kind: PolicyKind;
  via?: string;
  effect: 'Allow' | 'Deny' | 'unknown';
  index: number;
  sid?: string;
  location?: Location;
  /** applies: matched outright; may-apply: matched depending on `dependsOn` */
  applies: 'applies' | 'may-apply';
  dependsOn: string[];
}

export interface Decision {
  decision: DecisionKind;
  /** explicit-deny, implicit-deny, allowed, or conditional; with a sentence in `explanation` */
  reason: 'explicit-deny' | 'implicit-deny' | 'allowed' | 'conditional';
  explanation: string;
  /** condition keys and unresolved values the answer depends on (allowed-if) */
  dependsOn: string[];
  /** the deciding statements */
  statements: StatementHit[];
}
