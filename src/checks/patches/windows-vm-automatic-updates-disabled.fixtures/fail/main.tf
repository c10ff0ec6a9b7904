resource "azurerm_windows_virtual_machine" "vm" {
  name                     = "vm"
  resource_group_name      = "rg"
  location                 = "westeurope"
  size                     = "Standard_D2s_v5"
  admin_username           = "azureadmin"
  admin_password           = var.admin_password
  network_interface_ids    = ["nic"]
  enable_automatic_updates = false
  patch_mode               = "Manual"
}

resource "azurerm_windows_virtual_machine_scale_set" "vmss" {
  name                = "vmss"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Standard_D2s_v5"
  patch_mode          = "Manual"
}

resource "azurerm_virtual_machine" "legacy" {
  name                  = "legacy"
  location              = "westeurope"
  resource_group_name   = "rg"
  network_interface_ids = ["nic"]
  vm_size               = "Standard_D2s_v5"

  os_profile_windows_config {
    provision_vm_agent        = true
    enable_automatic_upgrades = false
  }
}

variable "admin_password" {
  type      = string
  sensitive = true
}
