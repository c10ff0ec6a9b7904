resource "google_container_node_pool" "pool" {
  name    = "pool"
  cluster = "gke"

  management {
    auto_repair  = true
    auto_upgrade = true
  }
}

resource "google_container_node_pool" "defaults" {
  name    = "defaults"
  cluster = "gke"
}
