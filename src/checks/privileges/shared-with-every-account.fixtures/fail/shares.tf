resource "aws_ami_launch_permission" "golden_image" {
  image_id = "ami-0a1b2c3d4e5f60718"
  group    = "all"
}

resource "aws_db_snapshot" "before_migration" {
  db_instance_identifier = "orders"
  db_snapshot_identifier = "orders-before-migration"
  shared_accounts        = ["111122223333", "all"]
}

resource "aws_db_cluster_snapshot" "analytics" {
  db_cluster_identifier          = "analytics"
  db_cluster_snapshot_identifier = "analytics-2026-11"
  shared_accounts                = ["all"]
}

resource "aws_ssm_document" "bootstrap" {
  name          = "bootstrap"
  document_type = "Command"
  content       = "{}"

  permissions = {
    type        = "Share"
    account_ids = "111122223333,All"
  }
}

resource "aws_lambda_layer_version_permission" "shared_libs" {
  layer_name     = "arn:aws:lambda:eu-west-1:123456789012:layer:shared-libs"
  version_number = 3
  statement_id   = "everyone"
  action         = "lambda:GetLayerVersion"
  principal      = "*"
}

variable "share_with" {
  type = list(string)
}

resource "aws_db_snapshot" "configurable" {
  db_instance_identifier = "orders"
  db_snapshot_identifier = "orders-configurable"
  shared_accounts        = var.share_with
}
