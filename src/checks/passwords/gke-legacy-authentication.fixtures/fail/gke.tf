resource "google_container_cluster" "legacy" {
  name     = "legacy"
  location = "europe-west1"
  master_auth {
    username = "admin"
    password = "Gke-Basic-Auth-Pw-2019"
  }
}

resource "google_container_cluster" "certs" {
  name     = "certs"
  location = "europe-west1"
  master_auth {
    client_certificate_config {
      issue_client_certificate = true
    }
  }
}
