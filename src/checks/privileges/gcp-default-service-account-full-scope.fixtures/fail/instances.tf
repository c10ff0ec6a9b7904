resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
  service_account {
    scopes = ["cloud-platform"]
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-medium"
  disk {
    source_image = "debian-cloud/debian-12"
  }
  network_interface {
    network = "default"
  }
  service_account {
    email  = "123456789012-compute@developer.gserviceaccount.com"
    scopes = ["userinfo-email", "https://www.googleapis.com/auth/cloud-platform"]
  }
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = "main"
  node_config {
    machine_type = "e2-standard-4"
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}

resource "google_compute_instance_from_template" "batch_worker" {
  name                     = "batch-worker"
  zone                     = "europe-west1-b"
  source_instance_template = "projects/acme/global/instanceTemplates/batch"
  service_account {
    scopes = ["cloud-platform"]
  }
}
