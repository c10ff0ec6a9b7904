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
    serial-port-enable = "FALSE"
  }
}

resource "google_compute_instance" "plain" {
  name         = "plain"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
}

resource "google_compute_project_metadata_item" "logging" {
  key   = "serial-port-logging-enable"
  value = "true"
}
