# an office range over IPv4, the whole internet over IPv6: the finding points at the IPv6 list
resource "aws_security_group" "dual_stack" {
  name   = "dual-stack-admin"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    description      = "SSH"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["198.51.100.0/24"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
