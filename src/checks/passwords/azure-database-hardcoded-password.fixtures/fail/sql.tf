resource "azurerm_mssql_server" "main" {
  name                         = "acme-sql"
  resource_group_name          = "rg-data"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqlowner"
  administrator_login_password = "4-v3ry-l0ng-p4ssw0rd!"
  minimum_tls_version          = "1.2"
}

resource "azurerm_postgresql_flexible_server" "pg" {
  name                   = "acme-pg"
  resource_group_name    = "rg-data"
  location               = "westeurope"
  version                = "16"
  administrator_login    = "pgowner"
  administrator_password = local.pg_password
  sku_name               = "B_Standard_B1ms"
}

locals {
  pg_password = "H@Sh1CoR3!"
}

resource "azurerm_mysql_flexible_server" "mysql" {
  name                         = "acme-mysql"
  resource_group_name          = "rg-data"
  location                     = "westeurope"
  administrator_login          = "mysqlowner"
  administrator_password       = "Password1234"
  sku_name                     = "B_Standard_B1s"
}
