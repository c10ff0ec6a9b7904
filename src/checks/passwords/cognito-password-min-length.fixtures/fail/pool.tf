resource "aws_cognito_user_pool" "customers" {
  name = "customers"
  password_policy {
    minimum_length    = 6
    require_lowercase = true
    require_numbers   = true
  }
}
