resource "google_container_cluster" "modern" {
  name     = "modern"
  location = "europe-west1"
  master_auth {
    client_certificate_config {
      issue_client_certificate = false
    }
  }
  workload_identity_config {
    workload_pool = "acme-prod.svc.id.goog"
  }
}

resource "google_container_cluster" "empty_basic_auth" {
  name     = "empty"
  location = "europe-west1"
  master_auth {
    username = ""
    password = ""
  }
}
