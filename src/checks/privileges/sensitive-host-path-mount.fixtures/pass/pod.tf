resource "kubernetes_pod_v1" "cache" {
  metadata {
    name = "cache"
  }
  spec {
    container {
      name  = "cache"
      image = "redis:7.4"
    }
    volume {
      name = "data"
      host_path {
        path = "/mnt/ssd/cache"
      }
    }
  }
}
