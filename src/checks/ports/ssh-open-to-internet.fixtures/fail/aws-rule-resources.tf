resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8", "0.0.0.0/0"]
  security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_ingress_rule" "ssh_v6" {
  security_group_id = aws_security_group.app.id
  cidr_ipv6         = "::/0"
  from_port         = 22
  ip_protocol       = "tcp"
  to_port           = 22
}

resource "aws_vpc_security_group_ingress_rule" "everything" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
