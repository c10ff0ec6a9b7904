import { asList, getPath, isObject, isUnknown, type Resource, type Value } from '../../model/index.js';
import { cannedAclName, s3PublicAccessCatalogue } from '../_lib/s3-public-access.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-009',
    title: 'S3 bucket ACL grants public access',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A canned ACL of public-read, public-read-write or authenticated-read, or a grant to the AllUsers or AuthenticatedUsers group, lets anyone (or any AWS account) list and read the bucket, and with write access, overwrite or delete its objects.',
    remediation: 'Use the `private` ACL (or disable ACLs with BucketOwnerEnforced object ownership), grant access through bucket policies to named principals, and enable S3 Block Public Access.',
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html'],
    compliance: { 'cis-aws': ['2.1.4'], 'nist-800-53': ['AC-3', 'AC-21'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_acl', 'AWS::S3::Bucket'],
  },
  run(ctx) {
    const catalogue = s3PublicAccessCatalogue();
    const publicUris = new Set(catalogue.public_grantee_uris.map((u) => u.toLowerCase()));
    const out: FindingDraft[] = [];
    const canned = (r: Resource, path: string) => {
      const v = getPath(r.attributes, path);
      if (isUnknown(v)) {
        out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: the ACL is unresolved (${v.toString()})` });
        return;
      }
      if (typeof v !== 'string') return;
      const name = cannedAclName(v);
      const entry = catalogue.public_canned_acls[name];
      if (!entry) return;
      out.push({ resource: r, key: path, attributePath: path, severity: entry.severity, message: `${r.type} ${r.name} uses the ${name} canned ACL: ${entry.grantee} gets ${entry.access} access`, evidence: `acl: ${v}` });
    };
    const grants = (r: Resource, base: string, list: Value | undefined, uriKey: string, permKey: string) => {
      asList(list).forEach((g, i) => {
        if (!isObject(g)) return;
        // nested blocks are lists in the Terraform shape: grantee [{type, uri}]
        const nested = Array.isArray(g.grantee) ? g.grantee[0] : g.grantee;
        const grantee = isObject(nested) ? nested : g;
        const uri = grantee[uriKey];
        if (typeof uri !== 'string' || !publicUris.has(uri.toLowerCase())) return;
        const path = `${base}[${i}]`;
        const perm = asList(g[permKey]).filter((x) => typeof x === 'string').join(',');
        const everyone = /AllUsers$/i.test(uri);
        out.push({ resource: r, key: path, attributePath: path, severity: /WRITE|FULL_CONTROL/i.test(perm) ? 'critical' : 'high', message: `${r.type} ${r.name} grants ${perm || 'access'} to ${everyone ? 'everyone (AllUsers)' : 'any AWS account (AuthenticatedUsers)'}`, evidence: `grantee: ${uri}; permission: ${perm}` });
      });
    };
    for (const r of ctx.ofType('aws_s3_bucket_acl', 'aws_s3_bucket')) {
      if (!TF.has(r.source)) continue;
      canned(r, 'acl');
      if (r.type === 'aws_s3_bucket_acl') {
        grants(r, 'access_control_policy[0].grant', getPath(r.attributes, 'access_control_policy[0].grant'), 'uri', 'permission');
      } else {
        // provider v3 inline grants: grant { type = "Group", uri = ..., permissions = [...] }
        grants(r, 'grant', getPath(r.attributes, 'grant'), 'uri', 'permissions');
      }
    }
    for (const r of ctx.ofType('AWS::S3::Bucket')) {
      if (r.source !== 'cloudformation') continue;
      canned(r, 'AccessControl');
    }
    return out;
  },
});
