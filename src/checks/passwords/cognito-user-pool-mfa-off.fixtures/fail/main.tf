resource "aws_cognito_user_pool" "default_off" {
  name = "customers"
}

resource "aws_cognito_user_pool" "explicit_off" {
  name              = "partners"
  mfa_configuration = "OFF"
}
