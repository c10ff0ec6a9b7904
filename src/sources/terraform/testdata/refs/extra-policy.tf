data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.admin.json]
  statement {
    sid       = "All"
    actions   = ["s3:GetObject"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["a"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["b"]
    }
  }
}
