resource "google_container_node_pool" "pool" {
  name    = "pool"
  cluster = "gke"

  management {
    auto_repair  = true
    auto_upgrade = false
  }
}

resource "google_container_cluster" "gke" {
  name     = "gke"
  location = "europe-west1"

  node_pool {
    name = "default"
    management {
      auto_upgrade = "false"
    }
  }
}
