resource "aws_iam_account_password_policy" "no_symbols" {
  minimum_password_length      = 10
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = false
}
