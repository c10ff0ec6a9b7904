resource "google_compute_project_metadata" "default" {
  metadata = {
    enable-oslogin = "FALSE"
  }
}

resource "google_compute_instance" "legacy" {
  name         = "legacy"
  machine_type = "e2-micro"
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
    enable-oslogin = "false"
  }
}
