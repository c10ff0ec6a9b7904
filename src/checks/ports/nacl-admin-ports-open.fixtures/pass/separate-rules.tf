resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_network_acl_rule" "deny_admin" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 0
  to_port        = 3389
}

resource "aws_network_acl_rule" "allow_rest" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 200
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 0
  to_port        = 0
}
