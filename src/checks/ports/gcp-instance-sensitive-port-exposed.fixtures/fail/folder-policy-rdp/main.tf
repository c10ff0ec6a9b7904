# No VPC firewall rule opens RDP, but the hierarchical policy of the folder holding the project
# allows it from anywhere: the folder policy is evaluated first and its allow is final.
resource "google_folder" "ops" {
  display_name = "ops"
  parent       = "organizations/9"
}

resource "google_project" "ops" {
  name       = "ops"
  project_id = "ops-tools"
  folder_id  = google_folder.ops.name
}

resource "google_compute_firewall_policy" "ops" {
  parent     = google_folder.ops.name
  short_name = "ops"
}

resource "google_compute_firewall_policy_rule" "rdp" {
  firewall_policy = google_compute_firewall_policy.ops.name
  priority        = 10
  direction       = "INGRESS"
  action          = "allow"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["3389"]
    }
  }
}

resource "google_compute_firewall_policy_association" "ops" {
  name              = "ops"
  firewall_policy   = google_compute_firewall_policy.ops.id
  attachment_target = google_folder.ops.name
}

resource "google_compute_instance" "win" {
  name         = "win"
  project      = google_project.ops.project_id
  machine_type = "e2-medium"
  network_interface {
    network = "default"
    access_config {}
  }
}
