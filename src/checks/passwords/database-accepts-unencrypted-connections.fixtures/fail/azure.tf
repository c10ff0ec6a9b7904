resource "azurerm_postgresql_server" "orders" {
  name                             = "orders-pg"
  location                         = "westeurope"
  resource_group_name              = "data"
  sku_name                         = "GP_Gen5_2"
  version                          = "11"
  ssl_enforcement_enabled          = false
  ssl_minimal_tls_version_enforced = "TLSEnforcementDisabled"
}

resource "azurerm_mysql_server" "legacy" {
  name                = "legacy-mysql"
  location            = "westeurope"
  resource_group_name = "data"
  sku_name            = "B_Gen5_1"
  version             = "5.7"
  ssl_enforcement     = "Disabled"
}

resource "azurerm_redis_cache" "sessions" {
  name                = "sessions"
  location            = "westeurope"
  resource_group_name = "data"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  non_ssl_port_enabled = true
}

resource "azurerm_postgresql_flexible_server_configuration" "no_tls" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "off"
}
