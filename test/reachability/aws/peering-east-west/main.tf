resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_vpc_peering_connection" "ab" {
  vpc_id      = aws_vpc.a.id
  peer_vpc_id = aws_vpc.b.id
  auto_accept = true
}
resource "aws_subnet" "a_web" {
  vpc_id     = aws_vpc.a.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "a_app" {
  vpc_id     = aws_vpc.a.id
  cidr_block = "10.0.2.0/24"
}
resource "aws_subnet" "b_db" {
  vpc_id     = aws_vpc.b.id
  cidr_block = "10.1.1.0/24"
}
resource "aws_route_table" "a_web" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block                = "10.1.0.0/16"
    vpc_peering_connection_id = aws_vpc_peering_connection.ab.id
  }
}
resource "aws_route_table_association" "a_web" {
  subnet_id      = aws_subnet.a_web.id
  route_table_id = aws_route_table.a_web.id
}
# a_app keeps the VPC's implicit main table: no route back to VPC b
resource "aws_route_table" "b_db" {
  vpc_id = aws_vpc.b.id
}
resource "aws_route" "b_to_a" {
  route_table_id            = aws_route_table.b_db.id
  destination_cidr_block    = "10.0.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection.ab.id
}
resource "aws_route_table_association" "b_db" {
  subnet_id      = aws_subnet.b_db.id
  route_table_id = aws_route_table.b_db.id
}
resource "aws_security_group" "db" {
  vpc_id = aws_vpc.b.id
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
resource "aws_instance" "db" {
  ami                    = "ami-12345678"
  subnet_id              = aws_subnet.b_db.id
  vpc_security_group_ids = [aws_security_group.db.id]
}
resource "aws_security_group" "app" {
  vpc_id = aws_vpc.a.id
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
  }
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
  vpc_security_group_ids = [aws_security_group.app.id]
}
