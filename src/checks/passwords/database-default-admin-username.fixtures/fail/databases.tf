resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "postgres"
  manage_master_user_password = true
}

resource "azurerm_mssql_server" "main" {
  name                         = "acme-sql"
  resource_group_name          = "rg-data"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "Administrator"
  administrator_login_password = var.sql_password
}

variable "sql_password" {
  type      = string
  sensitive = true
}
