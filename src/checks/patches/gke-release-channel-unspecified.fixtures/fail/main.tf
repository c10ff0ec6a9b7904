resource "google_container_cluster" "gke" {
  name     = "gke"
  location = "europe-west1"

  release_channel {
    channel = "UNSPECIFIED"
  }
}
