resource "azurerm_kubernetes_cluster" "aks" {
  name                    = "aks"
  location                = "westeurope"
  resource_group_name     = "rg"
  dns_prefix              = "aks"
  node_os_upgrade_channel = "SecurityPatch"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 1
  }
}

resource "azurerm_kubernetes_cluster" "defaults" {
  name                = "defaults"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "defaults"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 1
  }
}
