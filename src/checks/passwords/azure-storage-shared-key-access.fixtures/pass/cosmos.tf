resource "azurerm_cosmosdb_account" "orders" {
  name                          = "acme-orders"
  location                      = "westeurope"
  resource_group_name           = "rg-data"
  offer_type                    = "Standard"
  local_authentication_disabled = true

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

resource "azurerm_cosmosdb_account" "sessions" {
  name                = "acme-sessions"
  location            = "westeurope"
  resource_group_name = "rg-data"
  offer_type          = "Standard"
  kind                = "MongoDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
