# Whether the instance gets an external address depends on a variable (a dynamic block).
variable "public" {}

resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-small"
  network_interface {
    network = "default"
    dynamic "access_config" {
      for_each = var.public ? [1] : []
      content {}
    }
  }
}
