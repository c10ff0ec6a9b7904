resource "azurerm_kubernetes_cluster" "core" {
  name                = "core"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "core"

  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "batch" {
  name                   = "batch"
  kubernetes_cluster_id  = azurerm_kubernetes_cluster.core.id
  vm_size                = "Standard_D4_v3"
  node_public_ip_enabled = false
}
