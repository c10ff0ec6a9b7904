module "bastion_sg" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.1.2"

  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d"

  ingress_with_cidr_blocks = [
    {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = "10.20.0.0/16"
    },
    {
      rule        = "https-443-tcp"
      cidr_blocks = "0.0.0.0/0"
    },
  ]
}

# a module the stand-ins do not know stays out of the model
module "other" {
  source = "example-org/firewall/aws"
  open   = ["0.0.0.0/0:22"]
}
