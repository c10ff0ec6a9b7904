resource "azurerm_windows_virtual_machine" "rdp" {
  name                  = "rdp"
  resource_group_name   = "rg-ops"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "opsadmin"
  admin_password        = "P@$$w0rd1234!"
  network_interface_ids = ["/subscriptions/0000/nic/rdp"]
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
  os_profile {
    computer_name  = "legacy"
    admin_username = "opsadmin"
    admin_password = "Leg4cy-Vm-Adm1n-Pw"
  }
}

resource "aws_directory_service_directory" "corp" {
  name     = "corp.acme.example"
  password = "SuperSecretPassw0rd"
  edition  = "Standard"
  type     = "MicrosoftAD"
}
