resource "google_service_account" "web" {
  account_id = "web-runtime"
}

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
    email  = google_service_account.web.email
    scopes = ["cloud-platform"]
  }
}

resource "google_compute_instance" "batch" {
  name         = "batch"
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
    scopes = ["logging-write", "monitoring-write"]
  }
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = "main"
  node_config {
    machine_type    = "e2-standard-4"
    service_account = "gke-nodes@example-project.iam.gserviceaccount.com"
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}

resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
  node_config {
    oauth_scopes = ["https://www.googleapis.com/auth/logging.write", "https://www.googleapis.com/auth/monitoring"]
  }
}

resource "google_compute_instance_from_template" "batch_worker" {
  name                     = "batch-worker"
  zone                     = "europe-west1-b"
  source_instance_template = "projects/acme/global/instanceTemplates/batch"
  service_account {
    email  = "batch@acme.iam.gserviceaccount.com"
    scopes = ["cloud-platform"]
  }
}
