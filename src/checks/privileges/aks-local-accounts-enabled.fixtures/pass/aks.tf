resource "azurerm_kubernetes_cluster" "main" {
  name                   = "main"
  location               = "westeurope"
  resource_group_name    = "rg"
  dns_prefix             = "main"
  local_account_disabled = true
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
