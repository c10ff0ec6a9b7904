# allow_unauthenticated_identities defaults to false
resource "aws_cognito_identity_pool" "app" {
  identity_pool_name = "app"
}
