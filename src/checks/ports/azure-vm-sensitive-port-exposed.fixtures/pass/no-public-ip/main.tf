resource "azurerm_public_ip" "pip" {
  name              = "jump-pip"
  allocation_method = "Static"
}

resource "azurerm_subnet" "mgmt" {
  name             = "mgmt"
  address_prefixes = ["10.0.9.0/24"]
}

resource "azurerm_network_interface" "nic" {
  name = "jump-nic"
  ip_configuration {
    name                 = "primary"
    subnet_id            = azurerm_subnet.mgmt.id

  }
}

resource "azurerm_network_security_group" "jump" {
  name = "jump-nsg"
  security_rule {
    name                       = "rdp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_interface_security_group_association" "nic" {
  network_interface_id      = azurerm_network_interface.nic.id
  network_security_group_id = azurerm_network_security_group.jump.id
}

resource "azurerm_windows_virtual_machine" "jump" {
  name                  = "jump"
  network_interface_ids = [azurerm_network_interface.nic.id]
}
