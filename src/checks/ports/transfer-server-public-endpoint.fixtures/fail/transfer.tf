resource "aws_transfer_server" "partners" {
  identity_provider_type = "SERVICE_MANAGED"
  protocols              = ["SFTP"]
  endpoint_type          = "PUBLIC"
}

resource "aws_transfer_server" "defaults" {
  identity_provider_type = "SERVICE_MANAGED"
}
