import { asBool, getPath, isObject, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type CheckContext, type FindingDraft } from '../engine/types.js';
import { resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';

const POOLS = [
  { type: 'AWS::Cognito::IdentityPool', sources: ['cloudformation'] as readonly string[], flag: 'AllowUnauthenticatedIdentities', attachment: 'AWS::Cognito::IdentityPoolRoleAttachment', roles: 'Roles' },
  { type: 'aws_cognito_identity_pool', sources: TERRAFORM_SOURCES, flag: 'allow_unauthenticated_identities', attachment: 'aws_cognito_identity_pool_roles_attachment', roles: 'roles' },
];

/** The unauthenticated role given to the pool by a role attachment in the scan, if any (its value may be unresolved). */
function guestRole(ctx: Pick<CheckContext, 'referrersOf'>, pool: Resource, attachmentType: string, rolesKey: string): { found: boolean; role?: string } {
  for (const a of ctx.referrersOf(pool)) {
    if (a.type !== attachmentType) continue;
    const roles = getPath(a.attributes, rolesKey);
    if (!isObject(roles) || roles.unauthenticated === undefined || roles.unauthenticated === null) continue;
    const role = roles.unauthenticated;
    return { found: true, role: typeof role === 'string' ? role : undefined };
  }
  return { found: false };
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-065',
    title: 'Cognito identity pool gives AWS credentials to unauthenticated guests',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'An Amazon Cognito identity pool that allows unauthenticated identities hands temporary AWS credentials for its unauthenticated role to anyone who knows the pool id, which ships inside every web and mobile client. Whatever that role may do (read a bucket, write a table, invoke a function) is then open to the whole internet; over-broad guest roles are a recurring cause of data exposure.',
    remediation:
      'Set `AllowUnauthenticatedIdentities: false` / `allow_unauthenticated_identities = false` unless guest access is a product requirement; if it is, give the unauthenticated role only the few actions and resources guests need, with conditions on `cognito-identity.amazonaws.com:aud` and `amr`.',
    references: [
      'https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html#enable-or-disable-unauthenticated-identities',
      'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html',
    ],
    compliance: { 'nist-800-53': ['AC-3', 'AC-6', 'IA-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: POOLS.flatMap((p) => [p.type, p.attachment]),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const p of POOLS) {
      for (const r of resourcesOf(ctx, [p.type], p.sources)) {
        const v = asBool(getPath(r.attributes, p.flag));
        if (isUnknown(v)) {
          out.push({ resource: r, attributePath: p.flag, verdict: 'unknown', message: `${r.type} ${r.name}: whether unauthenticated identities are allowed is unresolved (${v.toString()})` });
          continue;
        }
        if (v !== true) continue;
        const guest = guestRole(ctx, r, p.attachment, p.roles);
        out.push({
          resource: r,
          attributePath: p.flag,
          // a guest role attached in the same scan makes the exposure concrete
          severity: guest.found ? 'high' : 'medium',
          message: guest.found
            ? `${r.type} ${r.name} gives unauthenticated guests AWS credentials for its unauthenticated role${guest.role ? ` (${guest.role})` : ''}`
            : `${r.type} ${r.name} allows unauthenticated identities: guests get AWS credentials for whatever unauthenticated role is attached`,
          evidence: `${p.flag} = true`,
        });
      }
    }
    return out;
  },
});
