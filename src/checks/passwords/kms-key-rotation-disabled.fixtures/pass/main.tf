resource "aws_kms_key" "rotating" {
  description             = "application data"
  enable_key_rotation     = true
  rotation_period_in_days = 180
}

# asymmetric and HMAC keys cannot rotate automatically
resource "aws_kms_key" "signing" {
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "hmac" {
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}
