resource "azurerm_kubernetes_cluster" "edge" {
  name                = "edge"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "edge"

  default_node_pool {
    name                   = "system"
    node_count             = 1
    vm_size                = "Standard_D2_v2"
    node_public_ip_enabled = true
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.edge.id
  vm_size               = "Standard_NC6s_v3"
  enable_node_public_ip = true
}
