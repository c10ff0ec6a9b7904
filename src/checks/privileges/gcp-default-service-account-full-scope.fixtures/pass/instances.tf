resource "google_service_account" "web" {
  account_id = "web-runtime"
}

resource "google_compute_instance" "web" {
  name         = "web"
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
  service_account {
    email  = google_service_account.web.email
    scopes = ["cloud-platform"]
  }
}

resource "google_compute_instance" "batch" {
  name         = "batch"
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
  service_account {
    scopes = ["logging-write", "monitoring-write"]
  }
}
