resource "aws_iam_account_password_policy" "legacy" {
  minimum_password_length      = 14
  password_reuse_prevention    = 24
  require_symbols              = true
  max_password_age             = 90
  allow_users_to_change_password = true
}
