# A scale set behind a public load balancer: a NAT pool maps frontend ports 50000-50099 to SSH on
# each instance, and a load balancing rule forwards 80. The scale set's network profile NSG admits
# SSH only from 203.0.113.0/24 and HTTP from anywhere.
resource "azurerm_public_ip" "lb" {
  name              = "lb-pip"
  allocation_method = "Static"
}

resource "azurerm_lb" "ss" {
  name = "ss-lb"
  sku  = "Standard"
  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.lb.id
  }
}

resource "azurerm_lb_backend_address_pool" "ss" {
  name            = "ss"
  loadbalancer_id = azurerm_lb.ss.id
}

resource "azurerm_lb_nat_pool" "ssh" {
  name                           = "ssh"
  loadbalancer_id                = azurerm_lb.ss.id
  protocol                       = "Tcp"
  frontend_port_start            = 50000
  frontend_port_end              = 50099
  backend_port                   = 22
  frontend_ip_configuration_name = "public"
}

resource "azurerm_lb_rule" "http" {
  name                           = "http"
  loadbalancer_id                = azurerm_lb.ss.id
  protocol                       = "Tcp"
  frontend_port                  = 80
  backend_port                   = 80
  frontend_ip_configuration_name = "public"
  backend_address_pool_ids       = [azurerm_lb_backend_address_pool.ss.id]
}

resource "azurerm_subnet" "ss" {
  name             = "ss"
  address_prefixes = ["10.0.5.0/24"]
}

resource "azurerm_network_security_group" "ss" {
  name = "ss-nsg"
  security_rule {
    name                       = "ssh-office"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "203.0.113.0/24"
    destination_address_prefix = "*"
  }
  security_rule {
    name                       = "http"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "80"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "ss" {
  name = "ss"
  network_interface {
    name                      = "nic"
    primary                   = true
    network_security_group_id = azurerm_network_security_group.ss.id
    ip_configuration {
      name                                   = "internal"
      primary                                = true
      subnet_id                              = azurerm_subnet.ss.id
      load_balancer_backend_address_pool_ids = [azurerm_lb_backend_address_pool.ss.id]
      load_balancer_inbound_nat_rules_ids    = [azurerm_lb_nat_pool.ssh.id]
    }
  }
}
