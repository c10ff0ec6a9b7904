# A public Standard SKU load balancer forwards 443 to the app VM, and neither the VM's subnet nor its NIC
# has an NSG. Per the Azure Load Balancer SKU comparison, Standard is closed to inbound flows unless
# an NSG allows them; Basic is open by default.
resource "azurerm_public_ip" "lb" {
  name              = "lb-pip"
  allocation_method = "Static"
  sku               = "Standard"
}

resource "azurerm_lb" "app" {
  name = "app-lb"
  sku  = "Standard"
  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.lb.id
  }
}

resource "azurerm_lb_backend_address_pool" "app" {
  name            = "app"
  loadbalancer_id = azurerm_lb.app.id
}

resource "azurerm_lb_rule" "https" {
  name                           = "https"
  loadbalancer_id                = azurerm_lb.app.id
  protocol                       = "Tcp"
  frontend_port                  = 443
  backend_port                   = 443
  frontend_ip_configuration_name = "public"
  backend_address_pool_ids       = [azurerm_lb_backend_address_pool.app.id]
}

resource "azurerm_subnet" "app" {
  name             = "app"
  address_prefixes = ["10.0.4.0/24"]
}

resource "azurerm_network_interface" "app" {
  name = "app-nic"
  ip_configuration {
    name      = "primary"
    subnet_id = azurerm_subnet.app.id
  }
}

resource "azurerm_network_interface_backend_address_pool_association" "app" {
  network_interface_id    = azurerm_network_interface.app.id
  ip_configuration_name   = "primary"
  backend_address_pool_id = azurerm_lb_backend_address_pool.app.id
}

resource "azurerm_linux_virtual_machine" "app" {
  name                  = "app"
  network_interface_ids = [azurerm_network_interface.app.id]
}
