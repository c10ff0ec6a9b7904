# Two VMs with their own public IPs and no NSG anywhere. Standard SKU public IPs are closed to
# inbound flows unless an NSG allows them; Basic ones are open.
resource "azurerm_subnet" "edge" {
  name             = "edge"
  address_prefixes = ["10.0.9.0/24"]
}

resource "azurerm_public_ip" "std" {
  name              = "std-pip"
  allocation_method = "Static"
  sku               = "Standard"
}

resource "azurerm_public_ip" "basic" {
  name              = "basic-pip"
  allocation_method = "Dynamic"
  sku               = "Basic"
}

resource "azurerm_network_interface" "std" {
  name = "std-nic"
  ip_configuration {
    name                 = "primary"
    subnet_id            = azurerm_subnet.edge.id
    public_ip_address_id = azurerm_public_ip.std.id
  }
}

resource "azurerm_network_interface" "basic" {
  name = "basic-nic"
  ip_configuration {
    name                 = "primary"
    subnet_id            = azurerm_subnet.edge.id
    public_ip_address_id = azurerm_public_ip.basic.id
  }
}

resource "azurerm_linux_virtual_machine" "std" {
  name                  = "std"
  network_interface_ids = [azurerm_network_interface.std.id]
}

resource "azurerm_linux_virtual_machine" "basic" {
  name                  = "basic"
  network_interface_ids = [azurerm_network_interface.basic.id]
}
