resource "kubernetes_pod" "worker" {
  metadata {
    name = "worker"
  }
  spec {
    container {
      name  = "worker"
      image = "example.com/shop/worker:3.1.0"
      env {
        name = "QUEUE_TOKEN"
        value_from {
          secret_key_ref {
            name = "queue"
            key  = "token"
          }
        }
      }
    }
  }
}
