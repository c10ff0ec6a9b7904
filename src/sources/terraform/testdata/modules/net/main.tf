variable "cidr" {}
variable "sg_id" {
  default = null
}
variable "name" {
  default = "main"
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags = {
    Name = var.name
  }
}

output "subnet_cidr" {
  value = cidrsubnet(var.cidr, 8, 1)
}

output "vpc_id" {
  value = aws_vpc.this.id
}

resource "aws_instance" "boot" {
  count     = var.name == "main" ? 1 : 0
  user_data = file("${path.module}/init.sh")
  where     = path.module
  sgs       = [var.sg_id]
}
