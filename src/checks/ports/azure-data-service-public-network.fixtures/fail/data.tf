resource "azurerm_mssql_server" "sql" {
  name                          = "acme-sql"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = true
}

resource "azurerm_redis_cache" "cache" {
  name                          = "acme-cache"
  location                      = "westeurope"
  resource_group_name           = "rg-data"
  capacity                      = 1
  family                        = "C"
  sku_name                      = "Standard"
  public_network_access_enabled = "true"
}

resource "azurerm_search_service" "search" {
  name                          = "search-prod"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  sku                           = "standard"
  public_network_access_enabled = true
}

resource "azurerm_search_service" "docs" {
  name                = "search-docs"
  resource_group_name = "rg-data"
  location            = "westeurope"
  sku                 = "basic"
}
