data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "app" {
  name                = "kv-app-prod"
  location            = "westeurope"
  resource_group_name = "rg-app"
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"

  network_acls {
    bypass         = "AzureServices"
    default_action = "Allow"
  }
}

resource "azurerm_key_vault" "legacy" {
  name                = "kv-legacy"
  location            = "westeurope"
  resource_group_name = "rg-app"
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"
}
