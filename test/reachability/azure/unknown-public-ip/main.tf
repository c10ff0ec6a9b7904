# The public IP comes from a variable (it may be null): an open NSG gives "unknown", not "exposed";
# a port the NSG denies stays "not exposed" whatever the address.
variable "public_ip_id" {}

resource "azurerm_subnet" "app" {
  name             = "app"
  address_prefixes = ["10.0.3.0/24"]
}

resource "azurerm_network_interface" "nic" {
  name = "app-nic"
  ip_configuration {
    name                 = "primary"
    subnet_id            = azurerm_subnet.app.id
    public_ip_address_id = var.public_ip_id
  }
}

resource "azurerm_network_security_group" "app" {
  name = "app-nsg"
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
  network_security_group_id = azurerm_network_security_group.app.id
}

resource "azurerm_linux_virtual_machine" "app" {
  name                  = "app"
  network_interface_ids = [azurerm_network_interface.nic.id]
}
