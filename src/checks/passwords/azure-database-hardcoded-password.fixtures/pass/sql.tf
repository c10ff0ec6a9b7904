variable "sql_admin_password" {
  type      = string
  sensitive = true
}

resource "random_password" "pg" {
  length = 32
}

resource "azurerm_mssql_server" "main" {
  name                         = "acme-sql"
  resource_group_name          = "rg-data"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqlowner"
  administrator_login_password = var.sql_admin_password
  minimum_tls_version          = "1.2"
}

resource "azurerm_mssql_server" "entra_only" {
  name                = "acme-sql-entra"
  resource_group_name = "rg-data"
  location            = "westeurope"
  version             = "12.0"
  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "00000000-0000-0000-0000-000000000000"
    azuread_authentication_only = true
  }
}

resource "azurerm_postgresql_flexible_server" "pg" {
  name                   = "acme-pg"
  resource_group_name    = "rg-data"
  location               = "westeurope"
  version                = "16"
  administrator_login    = "pgowner"
  administrator_password = random_password.pg.result
  sku_name               = "B_Standard_B1ms"
}
