resource "google_compute_instance" "web" {
  name           = "web"
  machine_type   = "e2-small"
  zone           = "europe-west1-b"
  can_ip_forward = false

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-small"

  disk {
    source_image = "debian-cloud/debian-12"
  }

  network_interface {
    network = "default"
  }
}

resource "azurerm_network_interface" "app" {
  name                = "app-nic"
  location            = "westeurope"
  resource_group_name = "rg-net"

  ip_configuration {
    name                          = "internal"
    subnet_id                     = "/subscriptions/0000/subnets/internal"
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "apps" {
  name                = "apps"
  resource_group_name = "rg-net"
  location            = "westeurope"
  sku                 = "Standard_B2s"
  admin_username      = "ops"

  network_interface {
    name                  = "nic"
    primary               = true
    ip_forwarding_enabled = false

    ip_configuration {
      name      = "internal"
      primary   = true
      subnet_id = "/subscriptions/0000/subnets/internal"
    }
  }
}
