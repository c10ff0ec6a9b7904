resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_internet_gateway" "a" {
  vpc_id = aws_vpc.a.id
}
resource "aws_subnet" "a_public" {
  vpc_id     = aws_vpc.a.id
  cidr_block = "10.0.0.0/24"
}
resource "aws_subnet" "a_private" {
  vpc_id     = aws_vpc.a.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_eip" "nat" {
  domain = "vpc"
}
resource "aws_nat_gateway" "a" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.a_public.id
}
resource "aws_route_table" "a_public" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.a.id
  }
}
resource "aws_route_table_association" "a_public" {
  subnet_id      = aws_subnet.a_public.id
  route_table_id = aws_route_table.a_public.id
}
resource "aws_route_table" "a_private" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.a.id
  }
}
resource "aws_route_table_association" "a_private" {
  subnet_id      = aws_subnet.a_private.id
  route_table_id = aws_route_table.a_private.id
}
resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_internet_gateway" "b" {
  vpc_id = aws_vpc.b.id
}
resource "aws_subnet" "b_public" {
  vpc_id     = aws_vpc.b.id
  cidr_block = "10.1.0.0/24"
}
resource "aws_route_table" "b_public" {
  vpc_id = aws_vpc.b.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.b.id
  }
}
resource "aws_route_table_association" "b_public" {
  subnet_id      = aws_subnet.b_public.id
  route_table_id = aws_route_table.b_public.id
}
resource "aws_instance" "api" {
  ami                         = "ami-12345678"
  subnet_id                   = aws_subnet.b_public.id
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.api.id]
}
resource "aws_security_group" "api" {
  vpc_id = aws_vpc.b.id
  # the partner API admits only VPC a's NAT gateway
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["${aws_eip.nat.public_ip}/32"]
  }
  ingress {
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = ["${aws_eip.nat.public_ip}/32"]
  }
  ingress {
    from_port   = 9443
    to_port     = 9443
    protocol    = "tcp"
    cidr_blocks = ["${aws_eip.nat.public_ip}/32"]
  }
}
# the workload behind the NAT: its group lets out 443 only inside the company (10.0.0.0/8, never a
# public address), 8443 to anywhere, and 9443 to a partner block that may hold the API's address
resource "aws_security_group" "worker" {
  vpc_id = aws_vpc.a.id
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 9443
    to_port     = 9443
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
}
resource "aws_instance" "worker" {
  ami                    = "ami-12345678"
  subnet_id              = aws_subnet.a_private.id
  vpc_security_group_ids = [aws_security_group.worker.id]
}
