resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "ops" {
  statement {
    sid       = "Everything"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "ops" {
  name   = "ops"
  role   = "ops"
  policy = data.aws_iam_policy_document.ops.json
}

resource "aws_iam_role" "legacy" {
  name = "legacy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  inline_policy {
    name   = "all"
    policy = <<EOF
{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*:*", "Resource": ["*"]}}
EOF
  }
}
