resource "google_compute_firewall" "deny_ssh_tagged" {
  name     = "deny-ssh-tagged"
  network  = "prod"
  priority = 100

  deny {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["locked"]
}

resource "google_compute_firewall" "deny_other_network" {
  name     = "deny-ssh-dev"
  network  = "dev"
  priority = 100

  deny {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "allow_ssh" {
  name    = "allow-ssh"
  network = "prod"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"]
}
