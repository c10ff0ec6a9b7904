resource "azurerm_postgresql_server" "orders" {
  name                             = "orders-pg"
  location                         = "westeurope"
  resource_group_name              = "data"
  sku_name                         = "GP_Gen5_2"
  version                          = "11"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

# azurerm 3.0 and later enforce TLS when the argument is left out
resource "azurerm_mariadb_server" "defaults" {
  name                = "catalogue"
  location            = "westeurope"
  resource_group_name = "data"
  sku_name            = "B_Gen5_1"
  version             = "10.3"
}

resource "azurerm_redis_cache" "sessions" {
  name                = "sessions"
  location            = "westeurope"
  resource_group_name = "data"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  enable_non_ssl_port = false
}

resource "azurerm_redis_cache" "defaults" {
  name                = "defaults"
  location            = "westeurope"
  resource_group_name = "data"
  capacity            = 1
  family              = "C"
  sku_name            = "Basic"
}

resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name                = "require_secure_transport"
  resource_group_name = "data"
  server_name         = "flex"
  value               = "ON"
}

resource "azurerm_mysql_flexible_server_configuration" "other" {
  name                = "max_connections"
  resource_group_name = "data"
  server_name         = "flex"
  value               = "0"
}
