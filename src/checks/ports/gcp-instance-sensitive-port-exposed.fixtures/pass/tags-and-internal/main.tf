# The SSH rule targets "bastion" only; the tagged instance has no external address; a deny
# at the same priority beats the MongoDB allow.
resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["bastion"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "mongo" {
  name          = "mongo"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["27017", "443"]
  }
}

resource "google_compute_firewall" "no-mongo" {
  name          = "no-mongo"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  deny {
    protocol = "tcp"
    ports    = ["27017"]
  }
}

resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  tags         = ["app"]
  network_interface {
    network = "default"
    access_config {}
  }
}

resource "google_compute_instance" "bastion" {
  name         = "bastion"
  machine_type = "e2-small"
  tags         = ["bastion"]
  network_interface {
    network = "default"
  }
}
