resource "kubernetes_daemon_set_v1" "net" {
  metadata {
    name      = "net"
    namespace = "kube-system"
  }
  spec {
    selector {
      match_labels = { app = "net" }
    }
    template {
      metadata {
        labels = { app = "net" }
      }
      spec {
        container {
          name  = "net"
          image = "registry.example.com/net:1.0"
          security_context {
            capabilities {
              add  = ["NET_BIND_SERVICE", "SYS_ADMIN"]
              drop = ["ALL"]
            }
          }
        }
      }
    }
  }
}
