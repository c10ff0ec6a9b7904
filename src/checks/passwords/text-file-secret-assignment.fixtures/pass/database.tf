resource "aws_db_instance" "app" {
  identifier     = "app"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  username       = "app_admin"
  password       = var.db_password
}

variable "db_password" {
  type      = string
  sensitive = true
}
