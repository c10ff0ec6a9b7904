resource "google_compute_firewall" "admin" {
  name          = "admin"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22", "80"]
  }
}

resource "google_compute_instance" "jump" {
  name         = "jump"
  machine_type = "e2-small"
  network_interface {
    network = "default"
    access_config {}
  }
}
