resource "google_container_cluster" "gke" {
  name               = "gke"
  location           = "europe-west1"
  min_master_version = "1.27.3-gke.100"
  node_version       = "1.26"

  node_pool {
    name    = "inline"
    version = "1.25.16-gke.1000"
  }
}

resource "google_container_node_pool" "pool" {
  name    = "pool"
  cluster = google_container_cluster.gke.id
  version = "1.22"
}
