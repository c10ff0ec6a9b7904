resource "aws_iam_role" "vendor" {
  name               = "vendor-audit"
  assume_role_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {
        "AWS": "arn:aws:iam::210987654321:root"
      }
    }
  ]
}
POLICY
}

resource "aws_iam_role" "bare_account" {
  name = "bare-account"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Principal = { AWS = ["arn:aws:iam::210987654321:role/deployer", "210987654321"] }
    }]
  })
}

resource "aws_iam_role" "mfa_false" {
  name = "mfa-false"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::210987654321:root" }
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
    }]
  })
}

data "aws_iam_policy_document" "empty_external_id" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws-us-gov:iam::210987654321:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [""]
    }
  }
}

variable "external_id" {
  type = string
}

resource "aws_iam_role" "unresolved_external_id" {
  name = "unresolved"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "210987654321" }
      Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }
    }]
  })
}
