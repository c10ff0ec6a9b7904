resource "aws_security_group" "dual_stack" {
  name   = "dual-stack-admin"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    description      = "SSH from the office only"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["198.51.100.0/24"]
    ipv6_cidr_blocks = ["2001:db8:1200::/40"]
  }
}
