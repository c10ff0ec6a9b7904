resource "azurerm_linux_virtual_machine" "jump" {
  name                  = "jump"
  resource_group_name   = "rg-ops"
  location              = "westeurope"
  size                  = "Standard_B1s"
  admin_username        = "opsuser"
  network_interface_ids = ["/subscriptions/0000/nic/jump"]
  admin_ssh_key {
    username   = "opsuser"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq8Vn2Lk5Xw9Tz3Rb7Mc1Hd4Fs6Gp0Ya8Je2Ku5Wq ops"
  }
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
    disable_password_authentication = true
  }
}

resource "azurerm_virtual_machine_scale_set" "legacy_pool" {
  name                = "legacy-pool"
  resource_group_name = "rg-ops"
  location            = "westeurope"
  upgrade_policy_mode = "Manual"
  os_profile_linux_config {
    disable_password_authentication = true
  }
}
