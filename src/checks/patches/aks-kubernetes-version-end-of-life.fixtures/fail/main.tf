resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
  kubernetes_version  = "1.26.6"

  default_node_pool {
    name                 = "system"
    vm_size              = "Standard_D2s_v5"
    node_count           = 2
    orchestrator_version = "1.25"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id
  vm_size               = "Standard_D4s_v5"
  orchestrator_version  = "1.24.9"
}
