resource "azurerm_storage_account" "logs" {
  name                     = "corplogs"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_2"
}

# azurerm 3.0 and later default to TLS 1.2
resource "azurerm_mssql_server" "sql" {
  name                = "corp-sql"
  resource_group_name = "data"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_postgresql_server" "pg" {
  name                             = "pg"
  resource_group_name              = "data"
  location                         = "westeurope"
  sku_name                         = "GP_Gen5_2"
  version                          = "11"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

resource "azurerm_windows_web_app" "portal" {
  name                = "portal"
  resource_group_name = "web"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.web.id

  site_config {
    minimum_tls_version = "1.2"
  }
}

resource "azurerm_redis_cache" "cache" {
  name                = "cache"
  resource_group_name = "data"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = 1.2
}
