# registry modules stand for the instance / launch template they create
module "bastion" {
  source  = "terraform-aws-modules/ec2-instance/aws"
  version = "5.7.1"

  name          = "bastion"
  ami           = "ami-0a1b2c3d4e5f67890"
  instance_type = "t3.micro"
  metadata_options = {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}

module "workers" {
  source  = "terraform-aws-modules/autoscaling/aws"
  version = "8.0.0"

  name          = "workers"
  image_id      = "ami-0a1b2c3d4e5f67890"
  instance_type = "t3.large"
  metadata_options = {
    http_tokens = "optional"
  }
}
