resource "google_container_cluster" "default_access" {
  name               = "prod"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "anywhere" {
  name               = "staging"
  location           = "europe-west1"
  initial_node_count = 1

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "0.0.0.0/0"
      display_name = "everyone"
    }
  }
}
