resource "azurerm_container_group" "api" {
  name                = "api"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  os_type             = "Linux"
  ip_address_type     = "Public"
  dns_name_label      = "acme-api"

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

resource "azurerm_container_group" "worker" {
  name                = "worker"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  os_type             = "Linux"

  container {
    name   = "worker"
    image  = "acme.azurecr.io/worker:2.0.1"
    cpu    = "0.5"
    memory = "1.0"
  }
}
