# A regional network firewall policy written with inline rules
# (google_compute_region_network_firewall_policy_with_rules) on a network that reads it before
# its VPC rules: its egress deny of SSH to the data subnet wins over the VPC egress allow; an
# egress rule whose destination is an FQDN may or may not name the database (unknown, never
# safe); MySQL meets no policy rule and falls to the VPC rules.
resource "google_compute_network" "vpc" {
  name                                      = "vpc"
  network_firewall_policy_enforcement_order = "BEFORE_CLASSIC_FIREWALL"
}

resource "google_compute_subnetwork" "app" {
  name          = "app"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.1.0.0/24"
}

resource "google_compute_subnetwork" "data" {
  name          = "data"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.2.0.0/24"
}

resource "google_compute_region_network_firewall_policy_with_rules" "eu" {
  name   = "eu-policy"
  region = "europe-west1"

  rule {
    rule_name = "no-ssh-to-data"
    priority  = 100
    direction = "EGRESS"
    action    = "deny"
    match {
      dest_ip_ranges = ["10.2.0.0/24"]
      layer4_config {
        ip_protocol = "tcp"
        ports       = ["22"]
      }
    }
  }

  rule {
    rule_name = "no-pg-to-db-host"
    priority  = 200
    direction = "EGRESS"
    action    = "deny"
    match {
      dest_fqdns = ["db.internal.example"]
      layer4_config {
        ip_protocol = "tcp"
        ports       = ["5432"]
      }
    }
  }
}

resource "google_compute_region_network_firewall_policy_association" "eu" {
  name              = "eu-policy"
  region            = "europe-west1"
  firewall_policy   = google_compute_region_network_firewall_policy_with_rules.eu.name
  attachment_target = google_compute_network.vpc.id
}

resource "google_compute_firewall" "data_in" {
  name          = "data-in"
  network       = google_compute_network.vpc.name
  source_ranges = ["10.1.0.0/24"]
  allow {
    protocol = "tcp"
    ports    = ["22", "3306", "5432"]
  }
}

resource "google_compute_firewall" "ssh_out" {
  name               = "ssh-out"
  network            = google_compute_network.vpc.name
  direction          = "EGRESS"
  priority           = 100
  destination_ranges = ["10.2.0.0/24"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_instance" "app" {
  name         = "app"
  zone         = "europe-west1-b"
  machine_type = "e2-small"
  network_interface {
    subnetwork = google_compute_subnetwork.app.id
  }
}

resource "google_compute_instance" "db" {
  name         = "db"
  zone         = "europe-west1-b"
  machine_type = "e2-small"
  network_interface {
    subnetwork = google_compute_subnetwork.data.id
  }
}
