resource "aws_db_instance" "orders" {
  identifier                 = "${var.environment}-orders"
  engine                     = "postgres"
  engine_version             = "11.22"
  instance_class             = "db.t3.medium"
  allocated_storage          = 50
  username                   = "postgres"
  password                   = var.db_password
  publicly_accessible        = true
  vpc_security_group_ids     = [aws_security_group.db.id]
  auto_minor_version_upgrade = false
  storage_encrypted          = false
  skip_final_snapshot        = true
}

resource "aws_s3_bucket" "exports" {
  bucket = "${var.environment}-orders-exports"
}

resource "aws_s3_bucket_acl" "exports" {
  bucket = aws_s3_bucket.exports.id
  acl    = "public-read"
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length      = 8
  password_reuse_prevention    = 0
  require_symbols              = false
  allow_users_to_change_password = true
}
