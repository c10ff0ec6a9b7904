resource "aws_s3_bucket_policy" "site" {
  bucket = "example-site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = ["s3:GetObject"]
        Resource  = "arn:aws:s3:::example-site/*"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::example-site", "arn:aws:s3:::example-site/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::123456789012:role/uploader" }
        Action    = ["s3:PutObject", "s3:DeleteObject"]
        Resource  = "arn:aws:s3:::example-site/*"
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::example-site/*"
        Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1a2b3c4d" } }
      },
    ]
  })
}
