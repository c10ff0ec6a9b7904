data "aws_iam_policy_document" "region_lock" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:*", "sts:*", "support:*"]
    resources   = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }
  statement {
    effect      = "Allow"
    not_actions = ["s3:DeleteBucket"]
    resources   = ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
  }
}
