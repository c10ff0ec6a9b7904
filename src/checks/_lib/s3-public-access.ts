import { z } from 'zod';
import { SEVERITIES } from '../../model/index.js';
import { loadCatalogue } from './catalogue.js';

const schema = z.object({
  write_actions: z.array(z.string()),
  read_actions: z.array(z.string()),
  public_canned_acls: z.record(z.string(), z.object({ grantee: z.string(), access: z.string(), severity: z.enum(SEVERITIES) })),
  public_grantee_uris: z.array(z.string()),
});

export type S3PublicAccessCatalogue = z.infer<typeof schema>;

export function s3PublicAccessCatalogue(): S3PublicAccessCatalogue {
  return loadCatalogue('s3-public-access.yaml', schema);
}

/** "PublicReadWrite" (CloudFormation) and "public-read-write" (Terraform, S3 API) name the same canned ACL. */
export function cannedAclName(value: string): string {
  return value
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase();
}
