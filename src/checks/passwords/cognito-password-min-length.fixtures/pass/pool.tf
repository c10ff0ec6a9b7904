resource "aws_cognito_user_pool" "customers" {
  name              = "customers"
  mfa_configuration = "ON"
  password_policy {
    minimum_length = 12
  }
  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "defaults" {
  name = "defaults"
}
