resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-0123456789abcdef0"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_instance" "from_template" {
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

resource "aws_instance" "no_imds" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint = "disabled"
  }
}
