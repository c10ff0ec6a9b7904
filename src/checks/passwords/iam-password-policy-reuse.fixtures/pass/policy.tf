resource "aws_iam_account_password_policy" "cis" {
  minimum_password_length        = 14
  allow_users_to_change_password = true
  password_reuse_prevention      = 24
}
