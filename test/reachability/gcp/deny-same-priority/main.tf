# An allow and a deny for SSH at the same priority: the deny wins. RDP is allowed at 1000 and
# denied at 900: denied. Redis is denied at 1100 but allowed at 1000: allowed.
resource "google_compute_firewall" "allow" {
  name          = "allow-admin"
  network       = "default"
  priority      = 1000
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22", "3389", "6379"]
  }
}

resource "google_compute_firewall" "deny-ssh" {
  name          = "deny-ssh"
  network       = "default"
  priority      = 1000
  source_ranges = ["0.0.0.0/0"]
  deny {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "deny-rdp" {
  name          = "deny-rdp"
  network       = "default"
  priority      = 900
  source_ranges = ["0.0.0.0/0"]
  deny {
    protocol = "tcp"
    ports    = ["3389"]
  }
}

resource "google_compute_firewall" "deny-redis-late" {
  name          = "deny-redis"
  network       = "default"
  priority      = 1100
  source_ranges = ["0.0.0.0/0"]
  deny {
    protocol = "tcp"
    ports    = ["6379"]
  }
}

resource "google_compute_instance" "admin" {
  name         = "admin"
  machine_type = "e2-small"
  network_interface {
    access_config {}
  }
}
