resource "azurerm_linux_virtual_machine_scale_set" "web" {
  name                = "web"
  resource_group_name = "rg-web"
  location            = "westeurope"
  sku                 = "Standard_B2s"
  instances           = 2
  admin_username      = "ops"

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_windows_virtual_machine_scale_set" "iis" {
  name                 = "iis"
  resource_group_name  = "rg-web"
  location             = "westeurope"
  sku                  = "Standard_B2s"
  instances            = 2
  admin_username       = "ops"
  admin_password       = var.admin_password
  computer_name_prefix = "iis"
  upgrade_mode         = "Rolling"

  automatic_os_upgrade_policy {
    disable_automatic_rollback  = false
    enable_automatic_os_upgrade = false
  }
}

resource "azurerm_virtual_machine_scale_set" "legacy" {
  name                 = "legacy"
  resource_group_name  = "rg-web"
  location             = "westeurope"
  upgrade_policy_mode  = "Manual"
  automatic_os_upgrade = false
}
