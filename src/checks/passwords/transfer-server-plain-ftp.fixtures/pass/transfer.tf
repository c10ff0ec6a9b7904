resource "aws_transfer_server" "sftp" {
  identity_provider_type = "SERVICE_MANAGED"
}

resource "aws_transfer_server" "ftps" {
  endpoint_type          = "VPC"
  identity_provider_type = "API_GATEWAY"
  protocols              = ["SFTP", "FTPS"]
  certificate            = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
}
