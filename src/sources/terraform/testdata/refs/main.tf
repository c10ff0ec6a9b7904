locals {
  sg_name = "${var.env}-web"
  sg_id   = aws_security_group.web.id
  a       = local.b
  b       = local.a
  env_up  = upper(var.env)
}

variable "env" {
  default = "prod"
}

resource "aws_security_group" "web" {
  name = local.sg_name
}

resource "aws_instance" "app" {
  vpc_security_group_ids = [aws_security_group.web.id]
  security_group_name    = aws_security_group.web.name
  via_local              = local.sg_id
  cyclic                 = local.a
  env                    = local.env_up
  big                    = var.env == "prod" ? 3 * 2 + 1 : 0
  logic                  = !(1 > 2) && true
  list                   = [for s in ["a", "b"] : upper(s) if s != "b"]
  map                    = { for k, v in { x = 1, y = 2 } : k => v * 10 }
  splat                  = [{ n = 1 }, { n = 2 }][*].n
  idx                    = ["p", "q"][1]
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = aws_security_group.web.arn
    }]
  })
}

data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "All"
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    effect  = "Deny"
    actions = ["s3:DeleteBucket", "s3:PutBucketPolicy"]
    resources = ["arn:aws:s3:::b"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_iam_policy" "admin" {
  policy     = data.aws_iam_policy_document.admin.json
  depends_on = [aws_security_group.web]
}
