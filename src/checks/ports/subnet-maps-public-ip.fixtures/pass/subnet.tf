resource "aws_subnet" "private" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0/24"
}

resource "aws_default_subnet" "az1" {
  availability_zone       = "eu-west-1a"
  map_public_ip_on_launch = false
}
