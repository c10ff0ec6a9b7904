resource "aws_iam_policy" "ci" {
  name = "ci"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Deploy"
        Effect   = "Allow"
        Action   = ["ec2:*", "iam:PassRole"]
        Resource = "*"
      },
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:*"]
        Resource = "*"
      },
    ]
  })
}

data "aws_iam_policy_document" "iam_admin" {
  statement {
    actions   = ["iam:*"]
    resources = ["*"]
  }
  statement {
    actions   = ["iam:Get*", "iam:List*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "self_service" {
  statement {
    sid       = "Keys"
    actions   = ["IAM:CreateAccessKey", "iam:Update*"]
    resources = ["*"]
  }
}
