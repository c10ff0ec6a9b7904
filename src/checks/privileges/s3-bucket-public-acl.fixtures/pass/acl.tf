resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "private"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = "example-logs"
  acl    = "log-delivery-write"
}
