resource "kubernetes_pod" "tools" {
  metadata {
    name = "tools"
  }
  spec {
    container {
      name  = "tools"
      image = "busybox:1.36"
      security_context {
        capabilities {
          drop = ["ALL"]
        }
      }
    }
  }
}
