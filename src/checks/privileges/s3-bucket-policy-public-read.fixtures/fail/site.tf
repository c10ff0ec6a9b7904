resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject"]
      Resource  = "${aws_s3_bucket.site.arn}/*"
    }]
  })
}

data "aws_iam_policy_document" "listing" {
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::example-listing"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
