# Enforcement order the default AFTER_CLASSIC_FIREWALL: the VPC firewall rule allowing SSH decides before the global network firewall policy's deny is read; 8080, which no VPC rule matches, falls through to the policy's allow; 9000 meets the implied deny.
resource "google_compute_network" "vpc" {
  name = "vpc"

}

resource "google_compute_network_firewall_policy" "net" {
  name = "net-policy"
}

resource "google_compute_network_firewall_policy_rule" "no_ssh" {
  firewall_policy = google_compute_network_firewall_policy.net.name
  rule_name       = "no-ssh"
  priority        = 100
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

resource "google_compute_network_firewall_policy_rule" "app" {
  firewall_policy = google_compute_network_firewall_policy.net.name
  rule_name       = "app"
  priority        = 200
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

resource "google_compute_network_firewall_policy_association" "net" {
  name              = "net-policy"
  firewall_policy   = google_compute_network_firewall_policy.net.name
  attachment_target = google_compute_network.vpc.id
}

resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = google_compute_network.vpc.name
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_instance" "app" {
  name         = "app"
  zone         = "us-central1-a"
  machine_type = "e2-small"
  network_interface {
    network = google_compute_network.vpc.name
    access_config {}
  }
}
