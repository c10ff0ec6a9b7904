# An NSG open to the whole internet, but the NIC has no public IP.
resource "azurerm_network_interface" "nic" {
  name = "db-nic"
  ip_configuration {
    name      = "primary"
    subnet_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/db"
  }
}

resource "azurerm_network_security_group" "open" {
  name = "open"
  security_rule {
    name                       = "all"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_interface_security_group_association" "nic" {
  network_interface_id      = azurerm_network_interface.nic.id
  network_security_group_id = azurerm_network_security_group.open.id
}

resource "azurerm_windows_virtual_machine" "db" {
  name                  = "db"
  network_interface_ids = [azurerm_network_interface.nic.id]
}
