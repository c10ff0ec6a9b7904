resource "azurerm_network_security_group" "dns" {
  name                = "dns-nsg"
  location            = "westeurope"
  resource_group_name = "rg-dns"

  security_rule {
    name                       = "dns"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Udp"
    source_port_range          = "*"
    destination_port_range     = "53"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "ntp" {
  name                        = "ntp"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Udp"
  source_port_range           = "*"
  destination_port_range      = "123"
  source_address_prefixes     = ["0.0.0.0/0"]
  destination_address_prefix  = "*"
  resource_group_name         = "rg-dns"
  network_security_group_name = "dns-nsg"
}
