resource "aws_transfer_server" "partners" {
  identity_provider_type = "SERVICE_MANAGED"
  protocols              = ["SFTP"]
  endpoint_type          = "VPC"

  endpoint_details {
    vpc_id                 = "vpc-0a1b2c3d"
    subnet_ids             = ["subnet-0a1", "subnet-0b2"]
    security_group_ids     = ["sg-0123"]
    address_allocation_ids = ["eipalloc-0a1", "eipalloc-0b2"]
  }
}
