resource "google_compute_instance" "nat" {
  name           = "nat-gateway"
  machine_type   = "e2-small"
  zone           = "europe-west1-b"
  can_ip_forward = true

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
  }
}

resource "azurerm_network_interface" "router" {
  name                 = "router-nic"
  location             = "westeurope"
  resource_group_name  = "rg-net"
  enable_ip_forwarding = true

  ip_configuration {
    name                          = "internal"
    subnet_id                     = "/subscriptions/0000/subnets/internal"
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_network_interface" "router_v4" {
  name                  = "router-nic-v4"
  location              = "westeurope"
  resource_group_name   = "rg-net"
  ip_forwarding_enabled = true

  ip_configuration {
    name                          = "internal"
    subnet_id                     = "/subscriptions/0000/subnets/internal"
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "appliances" {
  name                = "appliances"
  resource_group_name = "rg-net"
  location            = "westeurope"
  sku                 = "Standard_B2s"
  admin_username      = "ops"

  network_interface {
    name                 = "nic"
    primary              = true
    enable_ip_forwarding = true

    ip_configuration {
      name      = "internal"
      primary   = true
      subnet_id = "/subscriptions/0000/subnets/internal"
    }
  }
}
