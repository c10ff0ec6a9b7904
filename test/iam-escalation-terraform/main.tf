# A vulnerable-by-design style account: one user per technique, plus traps that
# look exploitable but are not. Roles trust a principal passed in as a variable
# (outside the scanned principals).
variable "operator_arn" {
  type = string
}

locals {
  trust_operator = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = var.operator_arn } }]
  })
}

# --- escalates: CreatePolicyVersion on its own policy, after a date long past
data "aws_iam_policy_document" "old_token_ok" {
  statement {
    actions   = ["iam:CreatePolicyVersion"]
    resources = ["*"]
    condition {
      test     = "DateGreaterThan"
      variable = "aws:TokenIssueTime"
      values   = ["2020-01-01T00:00:01Z"]
    }
  }
}

resource "aws_iam_policy" "old_token_ok" {
  name   = "esc-old-token-ok"
  policy = data.aws_iam_policy_document.old_token_ok.json
}

resource "aws_iam_user" "old_token_ok" {
  name = "esc-old-token-ok-user"
}

resource "aws_iam_user_policy_attachment" "old_token_ok" {
  user       = aws_iam_user.old_token_ok.name
  policy_arn = aws_iam_policy.old_token_ok.arn
}

# --- trap: the same, but only for tokens issued before that date
data "aws_iam_policy_document" "old_token_only" {
  statement {
    actions   = ["iam:CreatePolicyVersion"]
    resources = ["*"]
    condition {
      test     = "DateLessThan"
      variable = "aws:TokenIssueTime"
      values   = ["2020-01-01T00:00:01Z"]
    }
  }
}

resource "aws_iam_policy" "old_token_only" {
  name   = "trap-old-token-only"
  policy = data.aws_iam_policy_document.old_token_only.json
}

resource "aws_iam_user" "old_token_only" {
  name = "trap-old-token-only-user"
}

resource "aws_iam_user_policy_attachment" "old_token_only" {
  user       = aws_iam_user.old_token_only.name
  policy_arn = aws_iam_policy.old_token_only.arn
}

# --- trap: CreatePolicyVersion only on AWS-managed policies (which nobody can rewrite)
resource "aws_iam_policy" "aws_managed_only" {
  name = "trap-aws-managed-only"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:CreatePolicyVersion", Resource = "arn:aws:iam::aws:policy/trap-*" }]
  })
}

resource "aws_iam_role" "aws_managed_only" {
  name               = "trap-aws-managed-only-role"
  assume_role_policy = local.trust_operator
}

resource "aws_iam_role_policy_attachment" "aws_managed_only" {
  role       = aws_iam_role.aws_managed_only.name
  policy_arn = aws_iam_policy.aws_managed_only.arn
}

# --- trap: Allow and Deny of the same action in one policy
resource "aws_iam_policy" "allow_and_deny" {
  name = "trap-allow-and-deny"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["iam:AttachUserPolicy", "iam:PutUserPolicy"], Resource = "*" },
      { Effect = "Deny", Action = ["iam:AttachUserPolicy", "iam:PutUserPolicy"], Resource = "*" },
    ]
  })
}

resource "aws_iam_user" "allow_and_deny" {
  name = "trap-allow-and-deny-user"
}

resource "aws_iam_user_policy_attachment" "allow_and_deny" {
  user       = aws_iam_user.allow_and_deny.name
  policy_arn = aws_iam_policy.allow_and_deny.arn
}

# --- escalates: a NotAction allow that spares iam:PutUserPolicy
resource "aws_iam_user" "not_action" {
  name = "esc-not-action-user"
}

resource "aws_iam_user_policy" "not_action" {
  name = "not-action"
  user = aws_iam_user.not_action.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", NotAction = ["iam:Create*", "iam:Attach*", "iam:Update*"], Resource = "*" }]
  })
}

# --- escalates: a chain of role assumptions to an administrator role
resource "aws_iam_user" "chain" {
  name = "esc-chain-user"
}

resource "aws_iam_user_policy" "chain" {
  name = "assume"
  user = aws_iam_user.chain.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = aws_iam_role.chain_start.arn }]
  })
}

resource "aws_iam_role" "chain_start" {
  name = "esc-chain-start"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" } }]
  })
}

resource "aws_iam_role_policy" "chain_start" {
  name = "hop"
  role = aws_iam_role.chain_start.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "*" }]
  })
}

resource "aws_iam_role" "chain_end" {
  name = "esc-chain-end"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_role.chain_start.arn } }]
  })
}

resource "aws_iam_role_policy_attachment" "chain_end" {
  role       = aws_iam_role.chain_end.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# --- trap: PassRole to an admin role, but only to a service nothing it can create uses
resource "aws_iam_role" "lambda_admin" {
  name = "lambda-admin"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_user" "passrole_wrong_service" {
  name = "trap-passrole-wrong-service-user"
}

resource "aws_iam_user_policy" "passrole_wrong_service" {
  name = "pass"
  user = aws_iam_user.passrole_wrong_service.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*", Condition = { StringEquals = { "iam:PassedToService" = "ec2.amazonaws.com" } } },
      { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction", "ec2:RunInstances"], Resource = "*" },
    ]
  })
}

# --- escalates: the same user with PassRole to Lambda
resource "aws_iam_user" "passrole_lambda" {
  name = "esc-passrole-lambda-user"
}

resource "aws_iam_user_policy" "passrole_lambda" {
  name = "pass"
  user = aws_iam_user.passrole_lambda.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = aws_iam_role.lambda_admin.arn, Condition = { StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } } },
      { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" },
    ]
  })
}

# --- escalates: UpdateFunctionCode on an existing function that runs as the admin role
resource "aws_lambda_function" "nightly" {
  function_name = "nightly"
  role          = aws_iam_role.lambda_admin.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "nightly.zip"
}

resource "aws_iam_user" "update_code" {
  name = "esc-update-code-user"
}

resource "aws_iam_user_policy" "update_code" {
  name = "code"
  user = aws_iam_user.update_code.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = aws_lambda_function.nightly.arn }]
  })
}

# --- trap: UpdateFunctionCode on a function that does not run as an admin
resource "aws_iam_user" "update_other_code" {
  name = "trap-update-other-code-user"
}

resource "aws_iam_user_policy" "update_other_code" {
  name = "code"
  user = aws_iam_user.update_other_code.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "arn:aws:lambda:*:*:function:sandbox-*" }]
  })
}

# --- trap: CreateLoginProfile on the only admin user, which already has a password
resource "aws_iam_user" "admin" {
  name = "break-glass"
}

resource "aws_iam_user_policy_attachment" "admin" {
  user       = aws_iam_user.admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_login_profile" "admin" {
  user = aws_iam_user.admin.name
}

resource "aws_iam_user" "login_profile" {
  name = "trap-create-login-profile-user"
}

resource "aws_iam_user_policy" "login_profile" {
  name = "login"
  user = aws_iam_user.login_profile.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:CreateLoginProfile", Resource = aws_iam_user.admin.arn }]
  })
}

# --- escalates: UpdateLoginProfile on that admin user
resource "aws_iam_user" "update_login" {
  name = "esc-update-login-profile-user"
}

resource "aws_iam_user_policy" "update_login" {
  name = "login"
  user = aws_iam_user.update_login.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:UpdateLoginProfile", Resource = aws_iam_user.admin.arn }]
  })
}
