resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user" "bob" {
  name                 = "bob"
  permissions_boundary = aws_iam_policy.boundary.arn
}

resource "aws_iam_group" "dev" {
  name = "developers"
}

resource "aws_iam_group_membership" "dev" {
  name  = "dev-members"
  group = aws_iam_group.dev.name
  users = [aws_iam_user.alice.name]
}

resource "aws_iam_group_policy_attachment" "dev_pass" {
  group      = aws_iam_group.dev.name
  policy_arn = aws_iam_policy.pass_app.arn
}

resource "aws_iam_policy" "pass_app" {
  name = "pass-app-roles"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::111122223333:role/app-*" }]
  })
}

resource "aws_iam_policy" "boundary" {
  name = "s3-only"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
  })
}

resource "aws_iam_user_policy_attachment" "bob_admin" {
  user       = aws_iam_user.bob.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_policy" "alice_guard" {
  name   = "guard"
  user   = aws_iam_user.alice.name
  policy = data.aws_iam_policy_document.guard.json
}

data "aws_iam_policy_document" "guard" {
  statement {
    sid       = "NoUserAdmin"
    effect    = "Deny"
    actions   = ["iam:CreateUser", "iam:DeleteUser"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

resource "aws_iam_role" "admin" {
  name               = "admin"
  assume_role_policy = data.aws_iam_policy_document.admin_trust.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

data "aws_iam_policy_document" "admin_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_user.alice.arn]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "worker" {
  name = "app-worker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name = "queue"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage", "sqs:ReceiveMessage"], Resource = "*" }]
    })
  }
}

resource "aws_iam_policy_attachment" "worker_unknown" {
  name       = "x"
  roles      = [aws_iam_role.worker.name]
  policy_arn = var.extra_policy_arn
}

variable "extra_policy_arn" {}
