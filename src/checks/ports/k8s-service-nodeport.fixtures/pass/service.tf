resource "kubernetes_service_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }

  spec {
    selector = {
      app = "web"
    }
    type = "ClusterIP"

    port {
      port        = 80
      target_port = 8080
    }
  }
}
