resource "aws_kms_key" "default_off" {
  description = "application data"
}

resource "aws_kms_key" "explicit_off" {
  description         = "logs"
  enable_key_rotation = false
}

resource "aws_kms_key" "symmetric_spelled_out" {
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  key_usage                = "ENCRYPT_DECRYPT"
  enable_key_rotation      = false
}
