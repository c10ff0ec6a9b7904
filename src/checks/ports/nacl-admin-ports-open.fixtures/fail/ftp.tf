resource "aws_network_acl_rule" "ftp" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 140
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 20
  to_port        = 21
}
