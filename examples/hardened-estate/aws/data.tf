resource "aws_db_instance" "orders" {
  identifier                 = "${var.environment}-orders"
  engine                     = "postgres"
  engine_version             = "16.4"
  instance_class             = "db.t3.medium"
  allocated_storage          = 50
  username                   = "orders_owner"
  password                   = var.db_password
  publicly_accessible        = false
  vpc_security_group_ids     = [aws_security_group.db.id]
  auto_minor_version_upgrade = true
  storage_encrypted          = true
  skip_final_snapshot        = false

  iam_database_authentication_enabled = true
}

resource "aws_s3_bucket" "exports" {
  bucket = "${var.environment}-orders-exports"
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 15
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}
