# East-west under an organization policy: the VPC rule admits PostgreSQL from the subnet, but the
# organization denies 5432 from 10.0.0.0/8 first; Redis has no VPC rule, but the organization
# allows it from the app subnet, and that allow is final.
resource "google_project" "p" {
  name       = "p"
  project_id = "data-p"
  org_id     = "31"
}

resource "google_compute_firewall_policy" "org" {
  parent     = "organizations/31"
  short_name = "org"
}

resource "google_compute_firewall_policy_rule" "no_pg" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 10
  direction       = "INGRESS"
  action          = "deny"
  match {
    src_ip_ranges = ["10.0.0.0/8"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["5432"]
    }
  }
}

resource "google_compute_firewall_policy_rule" "redis" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 20
  direction       = "INGRESS"
  action          = "allow"
  match {
    src_ip_ranges = ["10.1.0.0/24"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["6379"]
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

resource "google_compute_firewall" "pg" {
  name          = "pg"
  network       = google_compute_network.vpc.name
  source_ranges = ["10.1.0.0/24"]
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
