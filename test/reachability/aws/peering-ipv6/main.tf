resource "aws_vpc" "a" {
  cidr_block      = "10.0.0.0/16"
  ipv6_cidr_block = "2600:1f18:a::/56"
}
resource "aws_vpc" "b" {
  cidr_block      = "10.1.0.0/16"
  ipv6_cidr_block = "2600:1f18:b::/56"
}
resource "aws_vpc_peering_connection" "ab" {
  vpc_id      = aws_vpc.a.id
  peer_vpc_id = aws_vpc.b.id
  auto_accept = true
}
resource "aws_subnet" "a_web" {
  vpc_id          = aws_vpc.a.id
  cidr_block      = "10.0.1.0/24"
  ipv6_cidr_block = "2600:1f18:a:1::/64"
}
resource "aws_subnet" "b_db" {
  vpc_id          = aws_vpc.b.id
  cidr_block      = "10.1.1.0/24"
  ipv6_cidr_block = "2600:1f18:b:1::/64"
}
resource "aws_route_table" "a_web" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block                = "10.1.0.0/16"
    vpc_peering_connection_id = aws_vpc_peering_connection.ab.id
  }
  route {
    ipv6_cidr_block           = "2600:1f18:b::/56"
    vpc_peering_connection_id = aws_vpc_peering_connection.ab.id
  }
}
resource "aws_route_table_association" "a_web" {
  subnet_id      = aws_subnet.a_web.id
  route_table_id = aws_route_table.a_web.id
}
resource "aws_route_table" "b_db" {
  vpc_id = aws_vpc.b.id
}
resource "aws_route" "b_to_a" {
  route_table_id            = aws_route_table.b_db.id
  destination_cidr_block    = "10.0.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection.ab.id
}
resource "aws_route" "b_to_a_v6" {
  route_table_id              = aws_route_table.b_db.id
  destination_ipv6_cidr_block = "2600:1f18:a::/56"
  vpc_peering_connection_id   = aws_vpc_peering_connection.ab.id
}
resource "aws_route_table_association" "b_db" {
  subnet_id      = aws_subnet.b_db.id
  route_table_id = aws_route_table.b_db.id
}
# the web tier may talk to VPC b over IPv6 only
resource "aws_security_group" "web" {
  vpc_id = aws_vpc.a.id
  egress {
    from_port        = 5432
    to_port          = 5432
    protocol         = "tcp"
    ipv6_cidr_blocks = ["2600:1f18:b::/56"]
  }
}
resource "aws_instance" "web" {
  ami                    = "ami-12345678"
  subnet_id              = aws_subnet.a_web.id
  ipv6_address_count     = 1
  vpc_security_group_ids = [aws_security_group.web.id]
}
# the database admits VPC a over both families and sends nothing (no egress rules)
resource "aws_security_group" "db" {
  vpc_id = aws_vpc.b.id
  ingress {
    from_port        = 5432
    to_port          = 5432
    protocol         = "tcp"
    cidr_blocks      = ["10.0.0.0/16"]
    ipv6_cidr_blocks = ["2600:1f18:a::/56"]
  }
}
resource "aws_instance" "db" {
  ami                    = "ami-12345678"
  subnet_id              = aws_subnet.b_db.id
  ipv6_address_count     = 1
  vpc_security_group_ids = [aws_security_group.db.id]
}
