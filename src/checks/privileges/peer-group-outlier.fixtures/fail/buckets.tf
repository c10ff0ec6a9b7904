# Six data buckets of one folder: five block public access, one was left out.
resource "aws_s3_bucket" "data_0" {
  bucket = "acme-data-0"
}
resource "aws_s3_bucket_public_access_block" "data_0" {
  bucket                  = aws_s3_bucket.data_0.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket" "data_1" {
  bucket = "acme-data-1"
}
resource "aws_s3_bucket_public_access_block" "data_1" {
  bucket                  = aws_s3_bucket.data_1.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket" "data_2" {
  bucket = "acme-data-2"
}
resource "aws_s3_bucket_public_access_block" "data_2" {
  bucket                  = aws_s3_bucket.data_2.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket" "data_3" {
  bucket = "acme-data-3"
}
resource "aws_s3_bucket_public_access_block" "data_3" {
  bucket                  = aws_s3_bucket.data_3.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket" "data_4" {
  bucket = "acme-data-4"
}
resource "aws_s3_bucket_public_access_block" "data_4" {
  bucket                  = aws_s3_bucket.data_4.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket" "data_export" {
  bucket = "acme-data-export"
}
