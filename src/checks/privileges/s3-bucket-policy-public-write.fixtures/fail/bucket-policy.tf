resource "aws_s3_bucket" "uploads" {
  bucket = "example-uploads"
}

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PublicRead"
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-uploads/*"
      },
      {
        Sid       = "PublicUpload"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["s3:PutObject"]
        Resource  = "arn:aws:s3:::example-uploads/*"
      },
    ]
  })
}

data "aws_iam_policy_document" "open" {
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::example-open", "arn:aws:s3:::example-open/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "open" {
  bucket = "example-open"
  policy = data.aws_iam_policy_document.open.json
}
