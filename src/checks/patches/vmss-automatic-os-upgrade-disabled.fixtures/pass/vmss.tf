resource "azurerm_linux_virtual_machine_scale_set" "web" {
  name                = "web"
  resource_group_name = "rg-web"
  location            = "westeurope"
  sku                 = "Standard_B2s"
  instances           = 2
  admin_username      = "ops"
  upgrade_mode        = "Automatic"
  health_probe_id     = "/subscriptions/0000/probes/http"

  automatic_os_upgrade_policy {
    disable_automatic_rollback  = false
    enable_automatic_os_upgrade = true
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_virtual_machine_scale_set" "legacy" {
  name                 = "legacy"
  resource_group_name  = "rg-web"
  location             = "westeurope"
  upgrade_policy_mode  = "Rolling"
  automatic_os_upgrade = true
}
