resource "kubernetes_service_v1" "admin" {
  metadata {
    name      = "admin"
    namespace = "ops"
  }

  spec {
    selector = {
      app = "admin"
    }
    type = "NodePort"

    port {
      port        = 22
      target_port = 2222
      node_port   = 30022
    }
  }
}
