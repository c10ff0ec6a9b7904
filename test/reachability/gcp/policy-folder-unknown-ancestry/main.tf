# A folder's hierarchical policy denies RDP and allows 8080 from anywhere, but the instance's
# project is the provider default: whether the folder is one of its ancestors is not in the files.
# RDP (allowed by the VPC rule) and 8080 (allowed by nothing else) are both unknown; SSH, which
# the policy does not mention, follows the VPC rule.
resource "google_folder" "prod" {
  display_name = "prod"
  parent       = "organizations/7"
}

resource "google_compute_firewall_policy" "prod" {
  parent     = google_folder.prod.name
  short_name = "prod"
}

resource "google_compute_firewall_policy_rule" "no_rdp" {
  firewall_policy = google_compute_firewall_policy.prod.name
  priority        = 10
  direction       = "INGRESS"
  action          = "deny"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["3389"]
    }
  }
}

resource "google_compute_firewall_policy_rule" "app" {
  firewall_policy = google_compute_firewall_policy.prod.name
  priority        = 20
  direction       = "INGRESS"
  action          = "allow"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["8080"]
    }
  }
}

resource "google_compute_firewall_policy_association" "prod" {
  name              = "prod"
  firewall_policy   = google_compute_firewall_policy.prod.id
  attachment_target = google_folder.prod.name
}

resource "google_compute_firewall" "admin" {
  name          = "admin"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22", "3389"]
  }
}

resource "google_compute_instance" "win" {
  name         = "win"
  machine_type = "e2-medium"
  network_interface {
    network = "default"
    access_config {}
  }
}
