# Six buckets, none with a public access block: no outlier (the account-level block may cover them).
resource "aws_s3_bucket" "data_0" {
  bucket = "acme-data-0"
}
resource "aws_s3_bucket" "data_1" {
  bucket = "acme-data-1"
}
resource "aws_s3_bucket" "data_2" {
  bucket = "acme-data-2"
}
resource "aws_s3_bucket" "data_3" {
  bucket = "acme-data-3"
}
resource "aws_s3_bucket" "data_4" {
  bucket = "acme-data-4"
}
resource "aws_s3_bucket" "data_5" {
  bucket = "acme-data-5"
}
