resource "aws_transfer_server" "legacy" {
  endpoint_type          = "VPC"
  identity_provider_type = "API_GATEWAY"
  url                    = "https://abc.execute-api.eu-west-1.amazonaws.com/prod"
  invocation_role        = "arn:aws:iam::111122223333:role/transfer-idp"
  protocols              = ["ftp"]

  endpoint_details {
    vpc_id     = "vpc-0abc"
    subnet_ids = ["subnet-0abc"]
  }
}
