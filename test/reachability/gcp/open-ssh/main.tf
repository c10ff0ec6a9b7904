# No source given on an ingress rule: the API fills in 0.0.0.0/0. The db instance on another
# network and the internal instance without an access_config are not reachable. The rule on
# port 8443 depends on a variable: unknown.
variable "admin_ranges" {}

resource "google_compute_firewall" "ssh" {
  name    = "ssh-anywhere"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "console" {
  name          = "console"
  network       = "default"
  source_ranges = var.admin_ranges
  allow {
    protocol = "tcp"
    ports    = ["8443"]
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

resource "google_compute_instance" "internal" {
  name         = "internal"
  machine_type = "e2-small"
  network_interface {
    network = "default"
  }
}

resource "google_compute_instance" "db" {
  name         = "db"
  machine_type = "e2-small"
  network_interface {
    network = "data"
    access_config {}
  }
}
