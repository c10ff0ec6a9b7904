resource "azurerm_storage_account" "data" {
  name                            = "exampledata"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_container" "reports" {
  name                  = "reports"
  storage_account_name  = azurerm_storage_account.data.name
  container_access_type = "private"
}

resource "azurerm_storage_container" "defaults" {
  name                 = "defaults"
  storage_account_name = azurerm_storage_account.data.name
}
