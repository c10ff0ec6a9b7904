resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west1"
  initial_node_count = 1

  workload_identity_config {
    workload_pool = "acme-prod.svc.id.goog"
  }

  node_config {
    machine_type = "e2-standard-4"
  }
}

resource "google_container_node_pool" "workers" {
  name    = "workers"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type = "e2-standard-4"
  }
}

resource "google_container_cluster" "pools_only" {
  name                     = "pools-only"
  location                 = "europe-west1"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "pinned" {
  name    = "pinned"
  cluster = google_container_cluster.pools_only.id

  node_config {
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}

resource "google_container_cluster" "autopilot" {
  name             = "autopilot"
  location         = "europe-west1"
  enable_autopilot = true
}
