resource "aws_cognito_identity_pool" "web" {
  identity_pool_name               = "web"
  allow_unauthenticated_identities = false
}

resource "aws_cognito_identity_pool" "defaults" {
  identity_pool_name = "defaults"
}
