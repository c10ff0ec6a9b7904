resource "google_compute_network" "vpc" {
  name = "data"
}

resource "google_compute_firewall" "mongo" {
  name          = "mongo-anywhere"
  network       = google_compute_network.vpc.name
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["27017"]
  }
}

resource "google_compute_instance" "mongo" {
  name         = "mongo"
  machine_type = "e2-medium"
  network_interface {
    network = google_compute_network.vpc.self_link
    access_config {}
  }
}
