# A public Standard load balancer forwards 80 -> 8080 and 2222 -> 22 to the web VM. The NIC's NSG
# admits 8080 from the internet but not 22: HTTP is exposed through the load balancer, SSH is
# blocked by the NIC NSG even though the load balancer forwards it.
resource "azurerm_public_ip" "lb" {
  name              = "lb-pip"
  allocation_method = "Static"
  sku               = "Standard"
}

resource "azurerm_lb" "web" {
  name = "web-lb"
  sku  = "Standard"
  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.lb.id
  }
}

resource "azurerm_lb_backend_address_pool" "web" {
  name            = "web"
  loadbalancer_id = azurerm_lb.web.id
}

resource "azurerm_lb_rule" "http" {
  name                           = "http"
  loadbalancer_id                = azurerm_lb.web.id
  protocol                       = "Tcp"
  frontend_port                  = 80
  backend_port                   = 8080
  frontend_ip_configuration_name = "public"
  backend_address_pool_ids       = [azurerm_lb_backend_address_pool.web.id]
}

resource "azurerm_lb_rule" "ssh" {
  name                           = "ssh"
  loadbalancer_id                = azurerm_lb.web.id
  protocol                       = "Tcp"
  frontend_port                  = 2222
  backend_port                   = 22
  frontend_ip_configuration_name = "public"
  backend_address_pool_ids       = [azurerm_lb_backend_address_pool.web.id]
}

resource "azurerm_subnet" "web" {
  name             = "web"
  address_prefixes = ["10.0.1.0/24"]
}

resource "azurerm_network_interface" "web" {
  name = "web-nic"
  ip_configuration {
    name      = "primary"
    subnet_id = azurerm_subnet.web.id
  }
}

resource "azurerm_network_interface_backend_address_pool_association" "web" {
  network_interface_id    = azurerm_network_interface.web.id
  ip_configuration_name   = "primary"
  backend_address_pool_id = azurerm_lb_backend_address_pool.web.id
}

resource "azurerm_network_security_group" "web" {
  name = "web-nsg"
  security_rule {
    name                       = "app"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "8080"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_interface_security_group_association" "web" {
  network_interface_id      = azurerm_network_interface.web.id
  network_security_group_id = azurerm_network_security_group.web.id
}

resource "azurerm_linux_virtual_machine" "web" {
  name                  = "web"
  network_interface_ids = [azurerm_network_interface.web.id]
}
