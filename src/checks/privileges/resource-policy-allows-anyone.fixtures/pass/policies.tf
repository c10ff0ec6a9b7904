resource "aws_sqs_queue_policy" "events" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/events"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = "arn:aws:sqs:eu-west-1:123456789012:events"
      Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:123456789012:orders" } }
    }]
  })
}

resource "aws_kms_key" "org" {
  description = "shared within the organization"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::123456789012:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt"]
        Resource  = "*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123def4" } }
      },
    ]
  })
}

resource "aws_lambda_permission" "from_bucket" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = "handler"
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::example-uploads"
}

data "aws_iam_policy_document" "public_site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example-site/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
