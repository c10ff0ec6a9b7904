# An inbound NAT rule maps frontend port 50001 to RDP on vm1 only; vm2 sits in the same subnet, whose
# NSG admits RDP from the internet, but no NAT rule or pool leads to it.
resource "azurerm_public_ip" "lb" {
  name              = "lb-pip"
  allocation_method = "Static"
}

resource "azurerm_lb" "admin" {
  name = "admin-lb"
  sku  = "Standard"
  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.lb.id
  }
}

resource "azurerm_lb_nat_rule" "rdp_vm1" {
  name                           = "rdp-vm1"
  loadbalancer_id                = azurerm_lb.admin.id
  protocol                       = "Tcp"
  frontend_port                  = 50001
  backend_port                   = 3389
  frontend_ip_configuration_name = "public"
}

resource "azurerm_subnet" "admin" {
  name             = "admin"
  address_prefixes = ["10.0.2.0/24"]
}

resource "azurerm_network_security_group" "admin" {
  name = "admin-nsg"
  security_rule {
    name                       = "rdp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "admin" {
  subnet_id                 = azurerm_subnet.admin.id
  network_security_group_id = azurerm_network_security_group.admin.id
}

resource "azurerm_network_interface" "vm1" {
  name = "vm1-nic"
  ip_configuration {
    name      = "ipconfig1"
    subnet_id = azurerm_subnet.admin.id
  }
}

resource "azurerm_network_interface" "vm2" {
  name = "vm2-nic"
  ip_configuration {
    name      = "ipconfig1"
    subnet_id = azurerm_subnet.admin.id
  }
}

resource "azurerm_network_interface_nat_rule_association" "vm1" {
  network_interface_id  = azurerm_network_interface.vm1.id
  ip_configuration_name = "ipconfig1"
  nat_rule_id           = azurerm_lb_nat_rule.rdp_vm1.id
}

resource "azurerm_windows_virtual_machine" "vm1" {
  name                  = "vm1"
  network_interface_ids = [azurerm_network_interface.vm1.id]
}

resource "azurerm_windows_virtual_machine" "vm2" {
  name                  = "vm2"
  network_interface_ids = [azurerm_network_interface.vm2.id]
}
