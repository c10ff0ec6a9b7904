resource "kubernetes_pod" "tools" {
  metadata {
    name = "tools"
  }
  spec {
    security_context {
      seccomp_profile {
        type = "RuntimeDefault"
      }
    }
    container {
      name  = "tools"
      image = "busybox:1.36"
    }
  }
}
