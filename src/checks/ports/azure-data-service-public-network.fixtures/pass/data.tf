resource "azurerm_mssql_server" "sql" {
  name                          = "acme-sql"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}

resource "azurerm_cosmosdb_account" "docs" {
  name                          = "acme-docs"
  location                      = "westeurope"
  resource_group_name           = "rg-data"
  offer_type                    = "Standard"
  public_network_access_enabled = false

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

resource "azurerm_search_service" "search" {
  name                          = "search-prod"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  sku                           = "standard"
  public_network_access_enabled = false
}

resource "azurerm_search_service" "docs" {
  name                = "search-docs"
  resource_group_name = "rg-data"
  location            = "westeurope"
  sku                 = "basic"
  allowed_ips         = ["203.0.113.0/24"]
}
