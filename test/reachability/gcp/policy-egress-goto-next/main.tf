# goto_next on the egress side: the organization hands PostgreSQL and Redis towards 10.0.0.0/8
# down to the next list and denies every other TCP port to it. PostgreSQL meets no VPC egress rule
# and leaves by the implied "allow all egress"; Redis meets the VPC egress deny to the data
# subnet; SSH is denied by the organization before the VPC rules are read. The database admits
# all three from the app subnet, so only the egress side decides.
resource "google_project" "p" {
  name       = "p"
  project_id = "shop-p"
  org_id     = "77"
}

resource "google_compute_firewall_policy" "org" {
  parent     = "organizations/77"
  short_name = "org-egress"
}

resource "google_compute_firewall_policy_rule" "data_next" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 100
  direction       = "EGRESS"
  action          = "goto_next"
  match {
    dest_ip_ranges = ["10.0.0.0/8"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["5432", "6379"]
    }
  }
}

resource "google_compute_firewall_policy_rule" "deny_internal_tcp" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 200
  direction       = "EGRESS"
  action          = "deny"
  match {
    dest_ip_ranges = ["10.0.0.0/8"]
    layer4_configs {
      ip_protocol = "tcp"
    }
  }
}

resource "google_compute_firewall_policy_association" "org" {
  name              = "org-egress"
  firewall_policy   = google_compute_firewall_policy.org.id
  attachment_target = "organizations/77"
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

resource "google_compute_firewall" "no_redis_out" {
  name               = "no-redis-out"
  network            = google_compute_network.vpc.name
  direction          = "EGRESS"
  priority           = 900
  destination_ranges = ["10.2.0.0/24"]
  deny {
    protocol = "tcp"
    ports    = ["6379"]
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
