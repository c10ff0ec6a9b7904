resource "azurerm_kubernetes_cluster" "unset" {
  name                = "unset"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "unset"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 1
  }
}

resource "azurerm_kubernetes_cluster" "none" {
  name                      = "none"
  location                  = "westeurope"
  resource_group_name       = "rg"
  dns_prefix                = "none"
  automatic_channel_upgrade = "none"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 1
  }
}
