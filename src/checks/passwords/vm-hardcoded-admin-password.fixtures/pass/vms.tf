resource "random_password" "rdp" {
  length  = 24
  special = true
}

data "azurerm_key_vault_secret" "dir" {
  name         = "directory-admin"
  key_vault_id = "/subscriptions/0000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/acme"
}

resource "azurerm_windows_virtual_machine" "rdp" {
  name                  = "rdp"
  resource_group_name   = "rg-ops"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "opsadmin"
  admin_password        = random_password.rdp.result
  network_interface_ids = ["/subscriptions/0000/nic/rdp"]
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
}

resource "aws_directory_service_directory" "corp" {
  name     = "corp.acme.example"
  password = data.azurerm_key_vault_secret.dir.value
  type     = "MicrosoftAD"
}
