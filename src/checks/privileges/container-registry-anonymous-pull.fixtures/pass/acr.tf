resource "azurerm_container_registry" "images" {
  name                   = "acmeimages"
  resource_group_name    = "rg-build"
  location               = "westeurope"
  sku                    = "Premium"
  anonymous_pull_enabled = false
}

resource "azurerm_container_registry" "tools" {
  name                = "acmetools"
  resource_group_name = "rg-build"
  location            = "westeurope"
  sku                 = "Standard"
}
