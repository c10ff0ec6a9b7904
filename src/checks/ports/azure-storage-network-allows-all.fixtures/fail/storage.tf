resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  network_rules {
    default_action = "Allow"
    ip_rules       = ["203.0.113.10"]
  }
}

resource "azurerm_storage_account_network_rules" "logs" {
  storage_account_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acmelogs"
  default_action     = "Allow"
  bypass             = ["AzureServices"]
}

resource "azurerm_storage_account" "exports" {
  name                     = "acmeexports"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
