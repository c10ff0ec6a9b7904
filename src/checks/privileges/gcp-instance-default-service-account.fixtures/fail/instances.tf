resource "google_compute_instance" "app" {
  name         = "app"
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
    email  = "123456789012-compute@developer.gserviceaccount.com"
    scopes = ["logging-write", "monitoring-write"]
  }
}

resource "google_compute_instance_template" "batch" {
  name_prefix  = "batch-"
  machine_type = "e2-medium"
  disk {
    source_image = "debian-cloud/debian-12"
  }
  network_interface {
    network = "default"
  }
  service_account {
    scopes = ["storage-ro"]
  }
}

resource "google_compute_instance_from_template" "batch_worker" {
  name                     = "batch-worker"
  zone                     = "europe-west1-b"
  source_instance_template = "projects/acme/global/instanceTemplates/batch"
  service_account {
    email  = "123456789012-compute@developer.gserviceaccount.com"
    scopes = ["storage-ro"]
  }
}
