resource "aws_iam_role" "vendor" {
  name = "vendor-audit"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::210987654321:root" }
      Condition = { StringEquals = { "sts:ExternalId" = "c0ffee-7d1e" } }
    }]
  })
}

resource "aws_iam_role" "people" {
  name = "people"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "210987654321" }
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = true } }
    }]
  })
}

resource "aws_iam_role" "named_role" {
  name = "named-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::210987654321:role/deployer" }
      },
      {
        Effect    = "Deny"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "210987654321" }
      },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { Service = "ecs-tasks.amazonaws.com" }
      }
    ]
  })
}

data "aws_iam_policy_document" "principal_arn" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::210987654321:root"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:PrincipalArn"
      values   = ["arn:aws:iam::210987654321:role/ci-*"]
    }
  }
}

# a bucket policy naming an account is not a trust policy
data "aws_iam_policy_document" "bucket_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::210987654321:root"]
    }
  }
}
