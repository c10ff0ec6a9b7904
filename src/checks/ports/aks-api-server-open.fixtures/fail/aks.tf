resource "azurerm_kubernetes_cluster" "defaults" {
  name                = "aks-prod"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "prod"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "anywhere" {
  name                = "aks-dev"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "dev"

  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D2s_v5"
  }

  api_server_access_profile {
    authorized_ip_ranges = ["0.0.0.0/0"]
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "explicitly_public" {
  name                    = "aks-test"
  location                = "westeurope"
  resource_group_name     = "rg-aks"
  dns_prefix              = "test"
  private_cluster_enabled = false

  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D2s_v5"
  }
}
