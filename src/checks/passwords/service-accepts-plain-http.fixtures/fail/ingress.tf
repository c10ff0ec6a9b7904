resource "kubernetes_ingress_v1" "shop" {
  metadata {
    name      = "shop"
    namespace = "web"
  }
  spec {
    ingress_class_name = "nginx"
    rule {
      host = "shop.example.com"
      http {
        path {
          path = "/"
          backend {
            service {
              name = "shop"
              port {
                number = 80
              }
            }
          }
        }
      }
    }
  }
}
