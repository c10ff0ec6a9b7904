module "net" {
  source = "../net"
  cidr   = "10.1.0.0/16"
  sg_id  = aws_security_group.sg.id
}

resource "aws_security_group" "sg" {
  name = "sg"
}

module "many" {
  source   = "../net"
  for_each = toset(["a", "b"])
  cidr     = "10.2.0.0/16"
  name     = each.key
}

module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

resource "aws_instance" "app" {
  subnet_cidr = module.net.subnet_cidr
  vpc         = module.net.vpc_id
  many_a      = module.many["a"].subnet_cidr
  remote      = module.remote.vpc_id
}
