resource "aws_vpc" "prod" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_ec2_transit_gateway" "hub" {
  description = "defaults: every attachment associated with and propagated into one table"
}
resource "aws_vpc" "dev" {
  cidr_block = "10.1.0.0/16"
}
resource "aws_subnet" "prod" {
  vpc_id     = aws_vpc.prod.id
  cidr_block = "10.0.1.0/24"
}
resource "aws_subnet" "dev" {
  vpc_id     = aws_vpc.dev.id
  cidr_block = "10.1.1.0/24"
}
resource "aws_ec2_transit_gateway_vpc_attachment" "prod" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.prod.id
  subnet_ids         = [aws_subnet.prod.id]
}
resource "aws_ec2_transit_gateway_vpc_attachment" "dev" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.dev.id
  subnet_ids         = [aws_subnet.dev.id]
}
