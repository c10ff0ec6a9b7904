resource "azurerm_windows_virtual_machine" "vm" {
  name                  = "vm"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureadmin"
  network_interface_ids = ["nic"]
  patch_mode            = "AutomaticByPlatform"
}

resource "azurerm_virtual_machine" "linux" {
  name                  = "linux"
  location              = "westeurope"
  resource_group_name   = "rg"
  network_interface_ids = ["nic"]
  vm_size               = "Standard_D2s_v5"

  os_profile_linux_config {
    disable_password_authentication = true
  }
}
