resource "kubernetes_pod" "tools" {
  metadata {
    name = "tools"
  }
  spec {
    container {
      name  = "tools"
      image = "busybox:1.36"
      security_context {
        read_only_root_filesystem = false
      }
    }
    container {
      name  = "sidecar"
      image = "busybox:1.36"
    }
  }
}
