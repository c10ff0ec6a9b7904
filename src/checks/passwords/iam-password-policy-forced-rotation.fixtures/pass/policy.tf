resource "aws_iam_account_password_policy" "nist" {
  minimum_password_length        = 15
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}
