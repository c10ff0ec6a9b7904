resource "kubernetes_pod_v1" "db" {
  metadata {
    name = "db"
  }

  spec {
    container {
      name  = "postgres"
      image = "postgres:16.4@sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7"
    }
  }
}
