import { hardcodedPasswordFindings, type PasswordAttributeSpec } from '../_lib/password-attributes.js';
import { defineCheck } from '../engine/types.js';

const SPECS: PasswordAttributeSpec[] = [
  { types: ['google_sql_user'], paths: ['password'], sources: ['terraform', 'terraform-plan'] },
  { types: ['google_sql_database_instance'], paths: ['root_password'], sources: ['terraform', 'terraform-plan'] },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-003',
    title: 'Cloud SQL user or root password is hard-coded',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A Cloud SQL user password (`google_sql_user.password`) or the SQL Server root password (`google_sql_database_instance.root_password`) is written in the configuration, where it is readable in version control and in the Terraform state. A weak or common password raises the severity to critical.',
    remediation:
      'Use Cloud SQL IAM database authentication (`type = "CLOUD_IAM_USER"` / `"CLOUD_IAM_SERVICE_ACCOUNT"`), or take the password from Secret Manager (`google_secret_manager_secret_version` data source) or `random_password`, and rotate the exposed one.',
    references: [
      'https://cloud.google.com/sql/docs/postgres/iam-authentication',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_user',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_sql_user', 'google_sql_database_instance'],
  },
  run(ctx) {
    return hardcodedPasswordFindings(ctx, SPECS, 'high', 'password');
  },
});
