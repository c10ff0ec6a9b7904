resource "aws_ec2_transit_gateway" "hub" {
  description = "default association and propagation (AWS defaults)"
}
resource "aws_vpc" "a" {
  cidr_block      = "10.0.0.0/16"
  ipv6_cidr_block = "2600:1f18:a::/56"
}
resource "aws_vpc" "b" {
  cidr_block      = "10.1.0.0/16"
  ipv6_cidr_block = "2600:1f18:b::/56"
}
resource "aws_subnet" "a_app" {
  vpc_id          = aws_vpc.a.id
  cidr_block      = "10.0.1.0/24"
  ipv6_cidr_block = "2600:1f18:a:1::/64"
}
resource "aws_subnet" "b_db" {
  vpc_id          = aws_vpc.b.id
  cidr_block      = "10.1.1.0/24"
  ipv6_cidr_block = "2600:1f18:b:1::/64"
}
resource "aws_ec2_transit_gateway_vpc_attachment" "a" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.a.id
  subnet_ids         = [aws_subnet.a_app.id]
  ipv6_support       = "enable"
}
resource "aws_ec2_transit_gateway_vpc_attachment" "b" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.b.id
  subnet_ids         = [aws_subnet.b_db.id]
  ipv6_support       = "enable"
}
resource "aws_route_table" "a_app" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block         = "10.1.0.0/16"
    transit_gateway_id = aws_ec2_transit_gateway.hub.id
  }
  route {
    ipv6_cidr_block    = "2600:1f18:b::/56"
    transit_gateway_id = aws_ec2_transit_gateway.hub.id
  }
}
resource "aws_route_table_association" "a_app" {
  subnet_id      = aws_subnet.a_app.id
  route_table_id = aws_route_table.a_app.id
}
resource "aws_route_table" "b_db" {
  vpc_id = aws_vpc.b.id
  route {
    cidr_block         = "10.0.0.0/16"
    transit_gateway_id = aws_ec2_transit_gateway.hub.id
  }
  route {
    ipv6_cidr_block    = "2600:1f18:a::/56"
    transit_gateway_id = aws_ec2_transit_gateway.hub.id
  }
}
resource "aws_route_table_association" "b_db" {
  subnet_id      = aws_subnet.b_db.id
  route_table_id = aws_route_table.b_db.id
}
resource "aws_security_group" "app" {
  vpc_id = aws_vpc.a.id
  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["10.0.0.0/8"]
    ipv6_cidr_blocks = ["2600:1f18::/32"]
  }
  # the app admits 8080 from VPC b over IPv4 only
  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.1.0.0/16"]
  }
}
resource "aws_instance" "app" {
  ami                    = "ami-12345678"
  subnet_id              = aws_subnet.a_app.id
  ipv6_address_count     = 1
  vpc_security_group_ids = [aws_security_group.app.id]
}
resource "aws_security_group" "db" {
  vpc_id = aws_vpc.b.id
  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["10.0.0.0/8"]
    ipv6_cidr_blocks = ["2600:1f18::/32"]
  }
  # the database admits VPC a's IPv4 and IPv6 blocks
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
