# The NIC NSG admits SSH; the subnet is outside the configuration, so its NSG may still deny it.
variable "subnet_id" {}

resource "azurerm_public_ip" "pip" {
  name              = "build-pip"
  allocation_method = "Static"
}

resource "azurerm_network_interface" "nic" {
  name = "build-nic"
  ip_configuration {
    name                 = "primary"
    subnet_id            = var.subnet_id
    public_ip_address_id = azurerm_public_ip.pip.id
  }
}

resource "azurerm_network_security_group" "build" {
  name = "build-nsg"
  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_interface_security_group_association" "nic" {
  network_interface_id      = azurerm_network_interface.nic.id
  network_security_group_id = azurerm_network_security_group.build.id
}

resource "azurerm_linux_virtual_machine" "build" {
  name                  = "build"
  network_interface_ids = [azurerm_network_interface.nic.id]
}
