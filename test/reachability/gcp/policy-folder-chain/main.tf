# The project is in folder "team", under folder "prod", under organization 5. The organization
# policy passes everything on with goto_next; the "prod" folder's policy allows RDP only from
# 198.51.100.0/24 and denies it from anywhere else. No VPC rule mentions RDP: the folder decides.
# A regional network policy for another region does not apply.
resource "google_folder" "prod" {
  display_name = "prod"
  parent       = "organizations/5"
}

resource "google_folder" "team" {
  display_name = "team"
  parent       = google_folder.prod.name
}

resource "google_project" "p" {
  name       = "p"
  project_id = "team-p"
  folder_id  = google_folder.team.name
}

resource "google_compute_firewall_policy" "org" {
  parent     = "organizations/5"
  short_name = "org"
}

resource "google_compute_firewall_policy_rule" "pass" {
  firewall_policy = google_compute_firewall_policy.org.name
  priority        = 1
  direction       = "INGRESS"
  action          = "goto_next"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "all"
    }
  }
}

resource "google_compute_firewall_policy_association" "org" {
  name              = "org"
  firewall_policy   = google_compute_firewall_policy.org.id
  attachment_target = "organizations/5"
}

resource "google_compute_firewall_policy" "prod" {
  parent     = google_folder.prod.name
  short_name = "prod"
}

resource "google_compute_firewall_policy_rule" "rdp_office" {
  firewall_policy = google_compute_firewall_policy.prod.name
  priority        = 10
  direction       = "INGRESS"
  action          = "allow"
  match {
    src_ip_ranges = ["198.51.100.0/24"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["3389"]
    }
  }
}

resource "google_compute_firewall_policy_rule" "rdp_rest" {
  firewall_policy = google_compute_firewall_policy.prod.name
  priority        = 20
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

resource "google_compute_firewall_policy_association" "prod" {
  name              = "prod"
  firewall_policy   = google_compute_firewall_policy.prod.id
  attachment_target = google_folder.prod.name
}

resource "google_compute_region_network_firewall_policy" "asia" {
  name   = "asia"
  region = "asia-east1"
}

resource "google_compute_region_network_firewall_policy_rule" "all" {
  firewall_policy = google_compute_region_network_firewall_policy.asia.name
  region          = "asia-east1"
  priority        = 1
  direction       = "INGRESS"
  action          = "allow"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "all"
    }
  }
}

resource "google_compute_region_network_firewall_policy_association" "asia" {
  name              = "asia"
  region            = "asia-east1"
  firewall_policy   = google_compute_region_network_firewall_policy.asia.name
  attachment_target = "projects/team-p/global/networks/default"
}

resource "google_compute_instance" "win" {
  name         = "win"
  project      = google_project.p.project_id
  zone         = "europe-west4-a"
  machine_type = "e2-medium"
  network_interface {
    network = "default"
    access_config {}
  }
}
