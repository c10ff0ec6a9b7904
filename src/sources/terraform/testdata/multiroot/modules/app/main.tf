variable "env" {}

resource "aws_security_group" "app" {
  name = "app-${var.env}"
}

resource "aws_instance" "app" {
  count                  = 1
  vpc_security_group_ids = [aws_security_group.app.id]
}
