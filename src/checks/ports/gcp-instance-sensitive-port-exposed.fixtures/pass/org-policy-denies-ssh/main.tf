# A VPC firewall rule opens SSH to the world, but the organization's hierarchical policy denies it
# first for every project of the organization.
resource "google_project" "app" {
  name       = "app"
  project_id = "app-1"
  org_id     = "77"
}

resource "google_compute_firewall_policy" "org" {
  parent     = "organizations/77"
  short_name = "org"
}

resource "google_compute_firewall_policy_rule" "no_ssh" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 1
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
  name              = "org"
  firewall_policy   = google_compute_firewall_policy.org.id
  attachment_target = "organizations/77"
}

resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_instance" "app" {
  name         = "app"
  project      = google_project.app.project_id
  machine_type = "e2-small"
  network_interface {
    network = "default"
    access_config {}
  }
}
