variable "min_length" {
  type = number
}

resource "aws_iam_account_password_policy" "from_variable" {
  minimum_password_length   = var.min_length
  password_reuse_prevention = 24
}
