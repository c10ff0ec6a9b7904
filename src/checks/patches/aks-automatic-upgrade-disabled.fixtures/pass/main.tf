variable "channel" {
  type = string
}

resource "azurerm_kubernetes_cluster" "v4" {
  name                      = "v4"
  location                  = "westeurope"
  resource_group_name       = "rg"
  dns_prefix                = "v4"
  automatic_upgrade_channel = "stable"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 1
  }
}

resource "azurerm_kubernetes_cluster" "v3" {
  name                      = "v3"
  location                  = "westeurope"
  resource_group_name       = "rg"
  dns_prefix                = "v3"
  automatic_channel_upgrade = "patch"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 1
  }
}

resource "azurerm_kubernetes_cluster" "from_variable" {
  name                      = "from-variable"
  location                  = "westeurope"
  resource_group_name       = "rg"
  dns_prefix                = "var"
  automatic_upgrade_channel = var.channel

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 1
  }
}
