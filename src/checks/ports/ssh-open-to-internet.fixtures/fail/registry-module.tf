# terraform-aws-modules/security-group is not downloaded: its inputs stand for the group it creates
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
      description = "SSH"
      cidr_blocks = "10.20.0.0/16,0.0.0.0/0"
    },
  ]
}

module "jump_sg" {
  source = "registry.terraform.io/terraform-aws-modules/security-group/aws"

  name                = "jump"
  vpc_id              = "vpc-0a1b2c3d"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ["https-443-tcp", "ssh-tcp"]
}
