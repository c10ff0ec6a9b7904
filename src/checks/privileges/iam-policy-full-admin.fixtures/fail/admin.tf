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

resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_iam_group_policy" "ops" {
  name   = "ops"
  group  = "ops"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:*", "Resource": "${aws_s3_bucket.logs.arn}/*"},
    {"Effect": "Allow", "Action": "*", "Resource": "*"}
  ]
}
EOF
}
