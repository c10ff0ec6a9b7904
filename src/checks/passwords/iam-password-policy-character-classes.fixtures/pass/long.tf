# 16 characters without composition rules: what NIST SP 800-63B recommends
resource "aws_iam_account_password_policy" "long" {
  minimum_password_length   = 16
  password_reuse_prevention = 24
}
