# An organization policy's EGRESS deny cuts an east-west flow that every ingress rule admits:
# the VPC rules on the database let PostgreSQL and Redis in from the app subnet, but the
# organization forbids sending PostgreSQL to the data subnet, and its egress rules are read on
# the source's side before the source's VPC egress rules (which would allow it). Its ingress
# rule still denies SSH to anything in 10.0.0.0/8.
resource "google_project" "p" {
  name       = "p"
  project_id = "data-p"
  org_id     = "31"
}

resource "google_compute_firewall_policy" "org" {
  parent     = "organizations/31"
  short_name = "org"
}

resource "google_compute_firewall_policy_rule" "no_pg_out" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 10
  direction       = "EGRESS"
  action          = "deny"
  match {
    dest_ip_ranges = ["10.2.0.0/24"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["5432"]
    }
  }
}

resource "google_compute_firewall_policy_rule" "no_ssh_in" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 20
  direction       = "INGRESS"
  action          = "deny"
  match {
    src_ip_ranges = ["10.0.0.0/8"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["22"]
    }
  }
}

resource "google_compute_firewall_policy_association" "org" {
  name              = "org"
  firewall_policy   = google_compute_firewall_policy.org.id
  attachment_target = "organizations/31"
}

resource "google_compute_network" "vpc" {
  name = "vpc"
}

resource "google_compute_subnetwork" "app" {
  name          = "app"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.1.0.0/24"
}

resource "google_compute_subnetwork" "data" {
  name          = "data"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.2.0.0/24"
}

resource "google_compute_firewall" "data_in" {
  name          = "data-in"
  network       = google_compute_network.vpc.name
  source_ranges = ["10.1.0.0/24"]
  allow {
    protocol = "tcp"
    ports    = ["22", "5432", "6379"]
  }
}

resource "google_compute_firewall" "app_in" {
  name          = "app-in"
  network       = google_compute_network.vpc.name
  source_ranges = ["10.2.0.0/24"]
  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}

resource "google_compute_firewall" "pg_out" {
  name               = "pg-out"
  network            = google_compute_network.vpc.name
  direction          = "EGRESS"
  destination_ranges = ["10.2.0.0/24"]
  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}

resource "google_compute_instance" "app" {
  name         = "app"
  project      = google_project.p.project_id
  machine_type = "e2-small"
  network_interface {
    subnetwork = google_compute_subnetwork.app.id
  }
}

resource "google_compute_instance" "db" {
  name         = "db"
  project      = google_project.p.project_id
  machine_type = "e2-small"
  network_interface {
    subnetwork = google_compute_subnetwork.data.id
  }
}
