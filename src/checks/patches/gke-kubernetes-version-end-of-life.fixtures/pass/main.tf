resource "google_container_cluster" "gke" {
  name               = "gke"
  location           = "europe-west1"
  min_master_version = "latest"

  release_channel {
    channel = "REGULAR"
  }
}

resource "google_container_node_pool" "pool" {
  name    = "pool"
  cluster = google_container_cluster.gke.id
  version = "1.35.0-gke.1000"
}
