provider "aws" {
  region = var.region
}

resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  tags = {
    Name = "${var.environment}-vpc"
  }
}

resource "aws_subnet" "private" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = cidrsubnet(aws_vpc.main.cidr_block, 8, 10)
  map_public_ip_on_launch = false
}

resource "aws_security_group" "bastion" {
  name        = "${var.environment}-bastion"
  description = "SSH to the bastion from the corporate VPN only"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "SSH from the VPN"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }

  egress {
    description = "HTTPS for package mirrors"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }
}

resource "aws_security_group" "db" {
  name        = "${var.environment}-db"
  description = "PostgreSQL from the application subnet"
  vpc_id      = aws_vpc.main.id

  ingress {
    description     = "PostgreSQL from the bastion"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.bastion.id]
  }
}
