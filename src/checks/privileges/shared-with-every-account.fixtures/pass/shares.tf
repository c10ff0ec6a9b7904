resource "aws_ami_launch_permission" "partner" {
  image_id   = "ami-0a1b2c3d4e5f60718"
  account_id = "111122223333"
}

resource "aws_ami_launch_permission" "organization" {
  image_id         = "ami-0a1b2c3d4e5f60718"
  organization_arn = "arn:aws:organizations::123456789012:organization/o-abcdefghij"
}

resource "aws_db_snapshot" "shared_with_dr" {
  db_instance_identifier = "orders"
  db_snapshot_identifier = "orders-dr"
  shared_accounts        = ["111122223333"]
}

resource "aws_db_snapshot" "private" {
  db_instance_identifier = "orders"
  db_snapshot_identifier = "orders-private"
}

resource "aws_ssm_document" "bootstrap" {
  name          = "bootstrap"
  document_type = "Command"
  content       = "{}"

  permissions = {
    type        = "Share"
    account_ids = "111122223333"
  }
}

resource "aws_lambda_layer_version_permission" "org_only" {
  layer_name      = "arn:aws:lambda:eu-west-1:123456789012:layer:shared-libs"
  version_number  = 3
  statement_id    = "org"
  action          = "lambda:GetLayerVersion"
  principal       = "*"
  organization_id = "o-abcdefghij"
}
