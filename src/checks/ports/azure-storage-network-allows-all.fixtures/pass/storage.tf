resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  network_rules {
    default_action             = "Deny"
    ip_rules                   = ["203.0.113.10"]
    virtual_network_subnet_ids = ["/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"]
    bypass                     = ["AzureServices"]
  }
}

resource "azurerm_storage_account" "private" {
  name                          = "acmeprivate"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = false
}

resource "azurerm_storage_account" "ruled" {
  name                     = "acmeruled"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_network_rules" "ruled" {
  storage_account_id = azurerm_storage_account.ruled.id
  default_action     = "Deny"
  bypass             = ["AzureServices"]
}
