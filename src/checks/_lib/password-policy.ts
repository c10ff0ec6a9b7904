import type { Resource, Value } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';

/**
 * AWS account password policies from every input that expresses one, with
 * one vocabulary: Terraform/plan `aws_iam_account_password_policy`
 * (snake_case attributes) and the `aws iam get-account-password-policy`
 * snapshot (`aws-iam-account-password-policy`, the API's PascalCase fields).
 */
export type PolicyField = 'minLength' | 'reusePrevention' | 'maxAge' | 'requireSymbols' | 'requireNumbers' | 'requireUppercase' | 'requireLowercase';

const NAMES: Record<PolicyField, { terraform: string; api: string }> = {
  minLength: { terraform: 'minimum_password_length', api: 'MinimumPasswordLength' },
  reusePrevention: { terraform: 'password_reuse_prevention', api: 'PasswordReusePrevention' },
  maxAge: { terraform: 'max_password_age', api: 'MaxPasswordAge' },
  requireSymbols: { terraform: 'require_symbols', api: 'RequireSymbols' },
  requireNumbers: { terraform: 'require_numbers', api: 'RequireNumbers' },
  requireUppercase: { terraform: 'require_uppercase_characters', api: 'RequireUppercaseCharacters' },
  requireLowercase: { terraform: 'require_lowercase_characters', api: 'RequireLowercaseCharacters' },
};

export const PASSWORD_POLICY_TYPES = ['aws_iam_account_password_policy', 'aws-iam-account-password-policy'];

export interface PasswordPolicy {
  resource: Resource;
  /** the snapshot of the live account (API fields) rather than configuration */
  snapshot: boolean;
  /** the attribute name this input uses for a field (`minimum_password_length` / `MinimumPasswordLength`) */
  path(field: PolicyField): string;
  value(field: PolicyField): Value | undefined;
}

export function passwordPolicies(ctx: CheckContext): PasswordPolicy[] {
  return ctx.ofType(...PASSWORD_POLICY_TYPES).map((resource) => {
    const snapshot = resource.type === 'aws-iam-account-password-policy';
    const path = (field: PolicyField): string => (snapshot ? NAMES[field].api : NAMES[field].terraform);
    return { resource, snapshot, path, value: (field: PolicyField) => resource.attributes[path(field)] };
  });
}
