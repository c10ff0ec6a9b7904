resource "aws_iam_role" "ci" {
  name                 = "ci"
  path                 = "/build/"
  permissions_boundary = "arn:aws:iam::aws:policy/PowerUserAccess"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "ci_admin" {
  role       = aws_iam_role.ci.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_role_policy" "ci_deny" {
  name = "no-org"
  role = aws_iam_role.ci.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "ec2:TerminateInstances", Resource = "*" }]
  })
}

resource "aws_iam_user" "erin" {
  name = "erin"
  tags = { team = "build" }
}

resource "aws_iam_group" "builders" {
  name = "builders"
}

resource "aws_iam_user_group_membership" "erin" {
  user   = aws_iam_user.erin.name
  groups = [aws_iam_group.builders.name]
}

resource "aws_iam_group_policy" "builders" {
  name  = "assume-ci"
  group = aws_iam_group.builders.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Resource  = "arn:aws:iam::111122223333:role/build/*"
      Condition = { StringEquals = { "aws:PrincipalTag/team" = "build" } }
    }]
  })
}
