resource "kubernetes_pod_v1" "api" {
  metadata {
    name = "api"
  }

  spec {
    container {
      name  = "api"
      image = "python:3.13-slim"
    }
  }
}
