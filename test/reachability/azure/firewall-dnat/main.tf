# An Azure Firewall in the hub's AzureFirewallSubnet publishes the app VM through DNAT rules of its
# policy. DNAT also translates the source to a firewall address, so the VM's NSG must admit the
# firewall subnet (or the virtual network), not the internet: RDP and SSH get through (SSH only
# for the office range the DNAT rule names), 8080 is denied by the NIC NSG.
resource "azurerm_virtual_network" "hub" {
  name          = "hub"
  address_space = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "firewall" {
  name                 = "AzureFirewallSubnet"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.0.0/26"]
}

resource "azurerm_subnet" "app" {
  name                 = "app"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.0/24"]
}

resource "azurerm_public_ip" "fw" {
  name              = "fw-pip"
  allocation_method = "Static"
  sku               = "Standard"
}

resource "azurerm_firewall_policy" "hub" {
  name = "hub-policy"
}

resource "azurerm_firewall" "hub" {
  name               = "hub-fw"
  sku_name           = "AZFW_VNet"
  sku_tier           = "Standard"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  ip_configuration {
    name                 = "fw"
    subnet_id            = azurerm_subnet.firewall.id
    public_ip_address_id = azurerm_public_ip.fw.id
  }
}

resource "azurerm_firewall_policy_rule_collection_group" "dnat" {
  name               = "dnat"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 100
  nat_rule_collection {
    name     = "publish-app"
    priority = 100
    action   = "Dnat"
    rule {
      name                = "rdp"
      protocols           = ["TCP"]
      source_addresses    = ["*"]
      destination_address = "20.30.40.50"
      destination_ports   = ["3389"]
      translated_address  = "10.0.1.4"
      translated_port     = "3389"
    }
    rule {
      name                = "ssh"
      protocols           = ["TCP"]
      source_addresses    = ["203.0.113.0/24"]
      destination_address = "20.30.40.50"
      destination_ports   = ["2222"]
      translated_address  = "10.0.1.4"
      translated_port     = "22"
    }
    rule {
      name                = "web"
      protocols           = ["TCP"]
      source_addresses    = ["*"]
      destination_address = "20.30.40.50"
      destination_ports   = ["80"]
      translated_address  = "10.0.1.4"
      translated_port     = "8080"
    }
  }
}

resource "azurerm_network_interface" "app" {
  name = "app-nic"
  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.app.id
    private_ip_address_allocation = "Static"
    private_ip_address            = "10.0.1.4"
  }
}

resource "azurerm_network_security_group" "app" {
  name = "app-nsg"
  security_rule {
    name                       = "no-web"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "8080"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
  security_rule {
    name                       = "rdp-from-firewall"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    source_address_prefix      = "10.0.0.0/26"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_interface_security_group_association" "app" {
  network_interface_id      = azurerm_network_interface.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}

resource "azurerm_windows_virtual_machine" "app" {
  name                  = "app"
  network_interface_ids = [azurerm_network_interface.app.id]
}
