resource "aws_iam_account_password_policy" "no_memory" {
  minimum_password_length        = 14
  allow_users_to_change_password = true
}
