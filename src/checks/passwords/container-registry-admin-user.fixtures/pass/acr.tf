resource "azurerm_container_registry" "images" {
  name                = "acmeimages"
  resource_group_name = "rg-build"
  location            = "westeurope"
  sku                 = "Premium"
  admin_enabled       = false
}

resource "azurerm_container_registry" "default_settings" {
  name                = "acmecache"
  resource_group_name = "rg-build"
  location            = "westeurope"
  sku                 = "Standard"
}
