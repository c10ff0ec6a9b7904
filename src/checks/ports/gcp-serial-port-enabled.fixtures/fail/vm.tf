variable "debug_console" {}

resource "google_compute_instance" "build" {
  name         = "build"
  machine_type = "e2-standard-4"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
  metadata = {
    enable-oslogin     = "TRUE"
    serial-port-enable = "1"
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-medium"
  disk {
    source_image = "debian-cloud/debian-12"
  }
  network_interface {
    network = "default"
  }
  metadata = {
    serial-port-enable = var.debug_console
  }
}

resource "google_compute_project_metadata_item" "console" {
  key   = "serial-port-enable"
  value = "true"
}
