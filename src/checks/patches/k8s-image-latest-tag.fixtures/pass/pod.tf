resource "kubernetes_pod" "api" {
  metadata {
    name = "api"
  }

  spec {
    container {
      name  = "api"
      image = "ghcr.io/acme/api:2.4.1"
    }
  }
}
