resource "aws_s3_bucket_policy" "site" {
  bucket = "example-site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::example-site/*"
      Condition = { StringEquals = { "AWS:SourceArn" = "arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE" } }
    }]
  })
}

resource "aws_s3_bucket_policy" "vpc_only" {
  bucket = "example-internal"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = ["arn:aws:s3:::example-internal", "arn:aws:s3:::example-internal/*"]
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1a2b3c4d" } }
    }]
  })
}
