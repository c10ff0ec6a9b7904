resource "google_container_cluster" "legacy" {
  name               = "legacy"
  location           = "europe-west1"
  initial_node_count = 1

  node_config {
    machine_type = "e2-standard-4"
  }
}

resource "google_container_node_pool" "batch" {
  name    = "batch"
  cluster = google_container_cluster.legacy.id

  node_config {
    machine_type = "e2-standard-4"
    workload_metadata_config {
      mode = "GCE_METADATA"
    }
  }
}

resource "google_container_cluster" "mixed" {
  name     = "mixed"
  location = "europe-west1"

  workload_identity_config {
    workload_pool = "acme-prod.svc.id.goog"
  }

  node_pool {
    name = "default"
    node_config {
      workload_metadata_config {
        mode = "GCE_METADATA"
      }
    }
  }
}
