resource "azurerm_container_group" "api" {
  name                = "api"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  os_type             = "Linux"
  ip_address_type     = "Private"
  subnet_ids          = ["/subscriptions/0000/subnets/apps"]

  container {
    name   = "api"
    image  = "acme.azurecr.io/api:1.4.2"
    cpu    = "0.5"
    memory = "1.0"

    ports {
      port     = 8080
      protocol = "TCP"
    }
  }
}

resource "azurerm_container_group" "batch" {
  name                = "batch"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  os_type             = "Linux"
  ip_address_type     = "None"

  container {
    name   = "batch"
    image  = "acme.azurecr.io/batch:3.1.0"
    cpu    = "1"
    memory = "2.0"
  }
}
