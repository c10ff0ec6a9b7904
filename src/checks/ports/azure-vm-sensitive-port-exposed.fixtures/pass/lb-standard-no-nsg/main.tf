# The same NAT rule on a Standard load balancer: with no NSG on the subnet or NIC, Standard SKU
# load balancers are closed to inbound flows (nothing allows RDP).
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

resource "azurerm_lb_nat_rule" "rdp" {
  name                           = "rdp"
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

resource "azurerm_network_interface" "vm" {
  name = "vm-nic"
  ip_configuration {
    name      = "ipconfig1"
    subnet_id = azurerm_subnet.admin.id
  }
}

resource "azurerm_network_interface_nat_rule_association" "vm" {
  network_interface_id  = azurerm_network_interface.vm.id
  ip_configuration_name = "ipconfig1"
  nat_rule_id           = azurerm_lb_nat_rule.rdp.id
}

resource "azurerm_windows_virtual_machine" "vm" {
  name                  = "vm"
  network_interface_ids = [azurerm_network_interface.vm.id]
}
