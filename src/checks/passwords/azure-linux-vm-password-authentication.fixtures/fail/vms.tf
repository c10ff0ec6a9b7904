variable "admin_password" {
  type      = string
  sensitive = true
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "jump"
  resource_group_name             = "rg-ops"
  location                        = "westeurope"
  size                            = "Standard_B1s"
  admin_username                  = "opsuser"
  admin_password                  = var.admin_password
  disable_password_authentication = false
  network_interface_ids           = ["/subscriptions/0000/nic/jump"]
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
}

resource "azurerm_virtual_machine" "legacy" {
  name                  = "legacy"
  resource_group_name   = "rg-ops"
  location              = "westeurope"
  vm_size               = "Standard_B1s"
  network_interface_ids = ["/subscriptions/0000/nic/legacy"]
  os_profile_linux_config {
    disable_password_authentication = false
  }
}

resource "azurerm_virtual_machine_scale_set" "legacy_pool" {
  name                = "legacy-pool"
  resource_group_name = "rg-ops"
  location            = "westeurope"
  upgrade_policy_mode = "Manual"
  os_profile_linux_config {
    disable_password_authentication = false
  }
}
