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

resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_security_group" "ssh" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_instance" "web" {
  ami                         = "ami-12345678"
  subnet_id                   = aws_subnet.public.id
  vpc_security_group_ids      = [aws_security_group.web.id]
  associate_public_ip_address = true
}
# a group added to the instance's primary interface after the fact
resource "aws_network_interface_sg_attachment" "ssh" {
  security_group_id    = aws_security_group.ssh.id
  network_interface_id = aws_instance.web.primary_network_interface_id
}
resource "aws_security_group" "admin" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
# a secondary interface with an Elastic IP of its own
resource "aws_network_interface" "admin" {
  subnet_id       = aws_subnet.public.id
  security_groups = [aws_security_group.admin.id]
}
resource "aws_network_interface_attachment" "admin" {
  instance_id          = aws_instance.web.id
  network_interface_id = aws_network_interface.admin.id
  device_index         = 1
}
resource "aws_eip" "admin" {
  network_interface = aws_network_interface.admin.id
  domain            = "vpc"
}
