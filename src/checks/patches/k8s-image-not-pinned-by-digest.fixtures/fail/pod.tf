resource "kubernetes_pod_v1" "db" {
  metadata {
    name = "db"
  }

  spec {
    container {
      name  = "postgres"
      image = "postgres:16.4"
    }
  }
}
