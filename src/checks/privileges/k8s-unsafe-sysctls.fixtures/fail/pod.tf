resource "kubernetes_pod_v1" "cache" {
  metadata {
    name      = "cache"
    namespace = "data"
  }
  spec {
    security_context {
      sysctl {
        name  = "net.ipv4.tcp_syncookies"
        value = "1"
      }
      sysctl {
        name  = "net.core.somaxconn"
        value = "4096"
      }
    }
    container {
      name  = "redis"
      image = "redis:7.2.4"
    }
  }
}
