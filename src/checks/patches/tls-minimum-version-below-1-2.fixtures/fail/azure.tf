resource "azurerm_storage_account" "logs" {
  name                     = "corplogs"
  resource_group_name      = "ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_0"
}

resource "azurerm_mssql_server" "sql" {
  name                = "corp-sql"
  resource_group_name = "data"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.1"
}

resource "azurerm_linux_web_app" "portal" {
  name                = "portal"
  resource_group_name = "web"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.web.id

  site_config {
    minimum_tls_version = "1.0"
  }
}

# a number literal: 1.0 reads as 1
resource "azurerm_redis_cache" "cache" {
  name                = "cache"
  resource_group_name = "data"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = 1.0
}
