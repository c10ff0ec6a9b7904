resource "google_container_cluster" "gke" {
  name     = "gke"
  location = "europe-west1"

  release_channel {
    channel = "STABLE"
  }
}

resource "google_container_cluster" "default_channel" {
  name     = "default-channel"
  location = "europe-west1"
}
