resource "google_container_cluster" "legacy" {
  name               = "legacy"
  location           = "europe-west1"
  initial_node_count = 1
  enable_legacy_abac = true
}

resource "azurerm_kubernetes_cluster" "open" {
  name                = "open"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "open"

  role_based_access_control_enabled = false

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "old_provider" {
  name                = "old"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "old"
  role_based_access_control {
    enabled = false
  }
}
