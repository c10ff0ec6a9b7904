resource "aws_instance" "web" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = true
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  network_interfaces {
    associate_public_ip_address = "true"
    security_groups             = ["sg-0123456789abcdef0"]
  }
}
