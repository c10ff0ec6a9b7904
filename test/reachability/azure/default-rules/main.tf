# No custom rule admits the internet: AllowVnetInBound and AllowAzureLoadBalancerInBound do not,
# DenyAllInBound (65500) stops it. A rule from a variable may admit anyone on 8080: unknown.
# The subnet is outside the configuration, so its NSG is unknown too, except where the NIC NSG
# already blocks.
variable "office" {}

resource "azurerm_public_ip" "pip" {
  name              = "app-pip"
  allocation_method = "Static"
}

resource "azurerm_subnet" "app" {
  name             = "app"
  address_prefixes = ["10.0.2.0/24"]
}

resource "azurerm_network_interface" "nic" {
  name = "app-nic"
  ip_configuration {
    name                 = "primary"
    subnet_id            = azurerm_subnet.app.id
    public_ip_address_id = azurerm_public_ip.pip.id
  }
}

resource "azurerm_network_security_group" "app" {
  name = "app-nsg"
  security_rule {
    name                       = "vnet-only"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "office" {
  name                        = "office"
  network_security_group_name = azurerm_network_security_group.app.name
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "8080"
  source_address_prefix       = var.office
  destination_address_prefix  = "*"
}

resource "azurerm_network_security_rule" "partner" {
  name                        = "partner"
  network_security_group_name = azurerm_network_security_group.app.name
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "9443"
  source_address_prefix       = "198.51.100.0/24"
  destination_address_prefix  = "*"
}

resource "azurerm_network_interface_security_group_association" "nic" {
  network_interface_id      = azurerm_network_interface.nic.id
  network_security_group_id = azurerm_network_security_group.app.id
}

resource "azurerm_linux_virtual_machine" "app" {
  name                  = "app"
  network_interface_ids = [azurerm_network_interface.nic.id]
}
