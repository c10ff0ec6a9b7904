# The load balancer's frontend public IP comes from a variable, and its backend pool from another
# configuration: both paths depend on values the files do not hold.
variable "frontend_pip_id" {}
variable "pool_id" {}

resource "azurerm_lb" "edge" {
  name = "edge-lb"
  sku  = "Standard"
  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = var.frontend_pip_id
  }
}

resource "azurerm_lb_backend_address_pool" "edge" {
  name            = "edge"
  loadbalancer_id = azurerm_lb.edge.id
}

resource "azurerm_lb_rule" "https" {
  name                           = "https"
  loadbalancer_id                = azurerm_lb.edge.id
  protocol                       = "Tcp"
  frontend_port                  = 443
  backend_port                   = 443
  frontend_ip_configuration_name = "public"
  backend_address_pool_ids       = [azurerm_lb_backend_address_pool.edge.id]
}

resource "azurerm_lb_rule" "elsewhere" {
  name                           = "elsewhere"
  loadbalancer_id                = azurerm_lb.edge.id
  protocol                       = "Tcp"
  frontend_port                  = 8443
  backend_port                   = 8443
  frontend_ip_configuration_name = "public"
  backend_address_pool_ids       = [var.pool_id]
}

resource "azurerm_subnet" "edge" {
  name             = "edge"
  address_prefixes = ["10.0.6.0/24"]
}

resource "azurerm_network_security_group" "edge" {
  name = "edge-nsg"
  security_rule {
    name                       = "all-in"
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

resource "azurerm_subnet_network_security_group_association" "edge" {
  subnet_id                 = azurerm_subnet.edge.id
  network_security_group_id = azurerm_network_security_group.edge.id
}

resource "azurerm_network_interface" "edge" {
  name = "edge-nic"
  ip_configuration {
    name      = "primary"
    subnet_id = azurerm_subnet.edge.id
  }
}

resource "azurerm_network_interface_backend_address_pool_association" "edge" {
  network_interface_id    = azurerm_network_interface.edge.id
  ip_configuration_name   = "primary"
  backend_address_pool_id = azurerm_lb_backend_address_pool.edge.id
}

resource "azurerm_linux_virtual_machine" "edge" {
  name                  = "edge"
  network_interface_ids = [azurerm_network_interface.edge.id]
}
