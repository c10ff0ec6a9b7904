# An internal load balancer (frontend in a subnet, no public IP) forwards 5432 to the database VM,
# whose subnet has no NSG: nothing of it is reachable from the internet.
resource "azurerm_subnet" "data" {
  name             = "data"
  address_prefixes = ["10.0.3.0/24"]
}

resource "azurerm_lb" "db" {
  name = "db-lb"
  sku  = "Basic"
  frontend_ip_configuration {
    name                          = "private"
    subnet_id                     = azurerm_subnet.data.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_lb_backend_address_pool" "db" {
  name            = "db"
  loadbalancer_id = azurerm_lb.db.id
}

resource "azurerm_lb_rule" "pg" {
  name                           = "pg"
  loadbalancer_id                = azurerm_lb.db.id
  protocol                       = "Tcp"
  frontend_port                  = 5432
  backend_port                   = 5432
  frontend_ip_configuration_name = "private"
  backend_address_pool_ids       = [azurerm_lb_backend_address_pool.db.id]
}

resource "azurerm_network_interface" "db" {
  name = "db-nic"
  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.data.id
    private_ip_address_allocation = "Static"
    private_ip_address            = "10.0.3.10"
  }
}

resource "azurerm_lb_backend_address_pool_address" "db" {
  name                    = "db"
  backend_address_pool_id = azurerm_lb_backend_address_pool.db.id
  ip_address              = "10.0.3.10"
}

resource "azurerm_linux_virtual_machine" "db" {
  name                  = "db"
  network_interface_ids = [azurerm_network_interface.db.id]
}
