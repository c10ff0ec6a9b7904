# The organization policy hands SSH from anywhere down with goto_next and denies every other TCP
# port. SSH falls through to the VPC firewall rules, which allow it; HTTP is denied by the
# organization before the VPC rule that would allow it is read.
resource "google_project" "app" {
  name       = "app"
  project_id = "app-prod"
  org_id     = "42"
}

resource "google_compute_firewall_policy" "org" {
  parent     = "organizations/42"
  short_name = "org-gate"
}

resource "google_compute_firewall_policy_rule" "ssh_next" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 100
  direction       = "INGRESS"
  action          = "goto_next"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["22"]
    }
  }
}

resource "google_compute_firewall_policy_rule" "deny_tcp" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 200
  direction       = "INGRESS"
  action          = "deny"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
    }
  }
}

resource "google_compute_firewall_policy_association" "org" {
  name              = "org-gate"
  firewall_policy   = google_compute_firewall_policy.org.id
  attachment_target = "organizations/42"
}

resource "google_compute_firewall" "open" {
  name          = "open"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22", "80"]
  }
}

resource "google_compute_instance" "bastion" {
  name         = "bastion"
  project      = "app-prod"
  machine_type = "e2-small"
  network_interface {
    network = "default"
    access_config {}
  }
}
