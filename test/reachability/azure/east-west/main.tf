# One virtual network. The db subnet's NSG admits the web subnet on 5432 and the "monitoring"
# application security group on 9187, then denies the rest of the virtual network. Nothing
# restricts the web side: AllowVnetInBound lets db (and jump) reach web on every port.
resource "azurerm_virtual_network" "main" {
  name          = "main"
  address_space = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "web" {
  name                 = "web"
  virtual_network_name = azurerm_virtual_network.main.name
  address_prefixes     = ["10.0.1.0/24"]
}

resource "azurerm_subnet" "db" {
  name                 = "db"
  virtual_network_name = azurerm_virtual_network.main.name
  address_prefixes     = ["10.0.2.0/24"]
}

resource "azurerm_subnet" "mgmt" {
  name                 = "mgmt"
  virtual_network_name = azurerm_virtual_network.main.name
  address_prefixes     = ["10.0.9.0/24"]
}

resource "azurerm_application_security_group" "monitoring" {
  name = "monitoring"
}

resource "azurerm_network_security_group" "db" {
  name = "db-nsg"
  security_rule {
    name                       = "pg-from-web"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "5432"
    source_address_prefix      = "10.0.1.0/24"
    destination_address_prefix = "*"
  }
  security_rule {
    name                                  = "exporter-from-monitoring"
    priority                              = 110
    direction                             = "Inbound"
    access                                = "Allow"
    protocol                              = "Tcp"
    source_port_range                     = "*"
    destination_port_range                = "9187"
    source_application_security_group_ids = [azurerm_application_security_group.monitoring.id]
    destination_address_prefix            = "*"
  }
  security_rule {
    name                       = "deny-vnet"
    priority                   = 200
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "VirtualNetwork"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "db" {
  subnet_id                 = azurerm_subnet.db.id
  network_security_group_id = azurerm_network_security_group.db.id
}

resource "azurerm_network_interface" "web" {
  name = "web-nic"
  ip_configuration {
    name      = "primary"
    subnet_id = azurerm_subnet.web.id
  }
}

resource "azurerm_network_interface" "db" {
  name = "db-nic"
  ip_configuration {
    name      = "primary"
    subnet_id = azurerm_subnet.db.id
  }
}

resource "azurerm_network_interface" "jump" {
  name = "jump-nic"
  ip_configuration {
    name      = "primary"
    subnet_id = azurerm_subnet.mgmt.id
  }
}

resource "azurerm_network_interface_application_security_group_association" "jump" {
  network_interface_id          = azurerm_network_interface.jump.id
  application_security_group_id = azurerm_application_security_group.monitoring.id
}

resource "azurerm_linux_virtual_machine" "web" {
  name                  = "web"
  network_interface_ids = [azurerm_network_interface.web.id]
}

resource "azurerm_linux_virtual_machine" "db" {
  name                  = "db"
  network_interface_ids = [azurerm_network_interface.db.id]
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                  = "jump"
  network_interface_ids = [azurerm_network_interface.jump.id]
}
