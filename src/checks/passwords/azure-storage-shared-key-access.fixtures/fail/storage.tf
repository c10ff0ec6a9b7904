resource "azurerm_storage_account" "logs" {
  name                     = "shoplogs"
  resource_group_name      = "shop"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "exports" {
  name                      = "shopexports"
  resource_group_name       = "shop"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "GRS"
  shared_access_key_enabled = true
}
