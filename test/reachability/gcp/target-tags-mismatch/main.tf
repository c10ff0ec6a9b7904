# The SSH rule targets instances tagged "bastion"; the web instance carries "web" only.
resource "google_compute_network" "vpc" {
  name = "prod"
}

resource "google_compute_firewall" "ssh" {
  name          = "allow-ssh"
  network       = google_compute_network.vpc.name
  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["bastion"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "web" {
  name          = "allow-web"
  network       = google_compute_network.vpc.name
  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["web"]
  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }
}

resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  tags         = ["web"]
  network_interface {
    network = google_compute_network.vpc.id
    access_config {}
  }
}
