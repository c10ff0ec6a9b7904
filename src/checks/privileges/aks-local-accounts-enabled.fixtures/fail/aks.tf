resource "azurerm_kubernetes_cluster" "explicit" {
  name                   = "explicit"
  location               = "westeurope"
  resource_group_name    = "rg"
  dns_prefix             = "explicit"
  local_account_disabled = false
  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}

resource "azurerm_kubernetes_cluster" "entra" {
  name                = "entra"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "entra"
  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled     = true
    admin_group_object_ids = ["00000000-0000-0000-0000-000000000001"]
  }
}
