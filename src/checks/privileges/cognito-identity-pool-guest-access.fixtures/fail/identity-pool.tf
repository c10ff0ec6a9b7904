resource "aws_cognito_identity_pool" "app" {
  identity_pool_name               = "app"
  allow_unauthenticated_identities = true
}

resource "aws_cognito_identity_pool_roles_attachment" "app" {
  identity_pool_id = aws_cognito_identity_pool.app.id
  roles = {
    authenticated   = "arn:aws:iam::111122223333:role/app-user"
    unauthenticated = "arn:aws:iam::111122223333:role/app-guest"
  }
}
