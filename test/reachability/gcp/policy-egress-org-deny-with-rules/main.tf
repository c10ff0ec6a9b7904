# policy-egress-org-deny with the organization policy written as one
# google_compute_firewall_policy_with_rules (inline `rule` blocks, `layer4_config`): the same
# verdicts, flow for flow (test/reachability/gcp-policy-egress.test.ts compares them).
resource "google_project" "p" {
  name       = "p"
  project_id = "data-p"
  org_id     = "31"
}

resource "google_compute_firewall_policy_with_rules" "org" {
  parent     = "organizations/31"
  short_name = "org"

  rule {
    priority  = 10
    direction = "EGRESS"
    action    = "deny"
    match {
      dest_ip_ranges = ["10.2.0.0/24"]
      layer4_config {
        ip_protocol = "tcp"
        ports       = ["5432"]
      }
    }
  }

  rule {
    # no direction: INGRESS, as the provider documents
    priority = 20
    action   = "deny"
    match {
      src_ip_ranges = ["10.0.0.0/8"]
      layer4_config {
        ip_protocol = "tcp"
        ports       = ["22"]
      }
    }
  }
}

resource "google_compute_firewall_policy_association" "org" {
  name              = "org"
  firewall_policy   = google_compute_firewall_policy_with_rules.org.id
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
