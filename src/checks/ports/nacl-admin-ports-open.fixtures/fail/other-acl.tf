resource "aws_network_acl" "a" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_network_acl" "b" {
  vpc_id = "vpc-0123456789abcdef0"
}

# a deny in another ACL does not protect this one
resource "aws_network_acl_rule" "deny_in_a" {
  network_acl_id = aws_network_acl.a.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "allow_in_b" {
  network_acl_id = aws_network_acl.b.id
  rule_number    = 200
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}
