resource "aws_organizations_organization" "org" {
  feature_set = "ALL"
}

resource "aws_organizations_policy" "deny_leave_and_regions" {
  name = "guardrails"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "NoLeaving", Effect = "Deny", Action = "organizations:LeaveOrganization", Resource = "*" },
      { Sid = "NoIamUsers", Effect = "Deny", Action = ["iam:CreateUser", "iam:CreateAccessKey"], Resource = "*" }
    ]
  })
}

resource "aws_organizations_policy_attachment" "root" {
  policy_id = aws_organizations_policy.deny_leave_and_regions.id
  target_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_organizational_unit" "sandbox" {
  name      = "sandbox"
  parent_id = aws_organizations_organization.org.roots[0].id
}

resource "aws_organizations_policy" "sandbox_only_s3" {
  name    = "sandbox"
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "s3:*", Resource = "*" }] })
}

resource "aws_organizations_policy_attachment" "sandbox" {
  policy_id = aws_organizations_policy.sandbox_only_s3.id
  target_id = aws_organizations_organizational_unit.sandbox.id
}

resource "aws_iam_role" "admin" {
  name                = "admin"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::000000000000:root" }, Action = "sts:AssumeRole" }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}
