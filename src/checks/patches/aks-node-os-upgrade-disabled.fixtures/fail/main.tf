resource "azurerm_kubernetes_cluster" "aks" {
  name                      = "aks"
  location                  = "westeurope"
  resource_group_name       = "rg"
  dns_prefix                = "aks"
  automatic_upgrade_channel = "patch"
  node_os_upgrade_channel   = "None"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 1
  }
}
