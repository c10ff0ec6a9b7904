resource "azurerm_storage_account" "logs" {
  name                            = "shoplogs"
  resource_group_name             = "shop"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  shared_access_key_enabled       = false
  default_to_oauth_authentication = true
}
