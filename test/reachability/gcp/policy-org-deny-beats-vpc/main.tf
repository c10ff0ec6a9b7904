# The organization's hierarchical firewall policy denies SSH from anywhere. The project sits
# directly under that organization, so the deny is evaluated before the VPC firewall rule that
# allows SSH and HTTPS: only HTTPS gets through.
resource "google_project" "app" {
  name       = "app"
  project_id = "app-prod"
  org_id     = "123456789"
}

resource "google_compute_firewall_policy" "org" {
  parent     = "organizations/123456789"
  short_name = "org-baseline"
}

resource "google_compute_firewall_policy_rule" "no_ssh" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 1000
  direction       = "INGRESS"
  action          = "deny"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["22"]
    }
  }
}

resource "google_compute_firewall_policy_association" "org" {
  name              = "org-baseline"
  firewall_policy   = google_compute_firewall_policy.org.id
  attachment_target = "organizations/123456789"
}

resource "google_compute_network" "vpc" {
  name    = "vpc"
  project = google_project.app.project_id
}

resource "google_compute_firewall" "web" {
  name    = "web"
  network = google_compute_network.vpc.name
  allow {
    protocol = "tcp"
    ports    = ["22", "443"]
  }
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_instance" "web" {
  name         = "web"
  project      = google_project.app.project_id
  zone         = "europe-west1-b"
  machine_type = "e2-small"
  network_interface {
    network = google_compute_network.vpc.name
    access_config {}
  }
}
