data "aws_iam_policy_document" "ci" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::123456789012:role/app-runtime"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
  statement {
    actions   = ["iam:Get*", "iam:List*", "ec2:Describe*"]
    resources = ["*"]
  }
  statement {
    actions   = ["iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:DeleteAccessKey"]
    resources = ["arn:aws:iam::123456789012:user/$${aws:username}"]
  }
}
