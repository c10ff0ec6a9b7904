resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_ec2_managed_prefix_list" "anywhere" {
  name           = "anywhere"
  address_family = "IPv4"
  max_entries    = 2
  entry {
    cidr = "0.0.0.0/0"
  }
}
resource "aws_ec2_managed_prefix_list" "office" {
  name           = "office"
  address_family = "IPv4"
  max_entries    = 2
  entry {
    cidr = "203.0.113.0/24"
  }
}

resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port      = 8443
    to_port        = 8443
    protocol       = "tcp"
    prefix_list_ids = [aws_ec2_managed_prefix_list.anywhere.id]
  }
  ingress {
    from_port      = 22
    to_port        = 22
    protocol       = "tcp"
    prefix_list_ids = [aws_ec2_managed_prefix_list.office.id]
  }
}

resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  subnet_id = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.web.id]
  associate_public_ip_address = true
}
