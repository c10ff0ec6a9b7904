resource "kubernetes_pod" "proxy" {
  metadata {
    name = "proxy"
  }

  spec {
    container {
      name  = "proxy"
      image = "nginx:1.27"

      port {
        container_port = 443
      }
    }
  }
}
