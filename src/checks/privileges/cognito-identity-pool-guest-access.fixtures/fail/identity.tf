resource "aws_cognito_identity_pool" "web" {
  identity_pool_name               = "web"
  allow_unauthenticated_identities = true
}

variable "guests" {
  type = bool
}

resource "aws_cognito_identity_pool" "configurable" {
  identity_pool_name               = "configurable"
  allow_unauthenticated_identities = var.guests
}
