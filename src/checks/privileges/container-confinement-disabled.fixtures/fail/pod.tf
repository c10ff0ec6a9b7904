resource "kubernetes_pod_v1" "tracer" {
  metadata {
    name = "tracer"
  }
  spec {
    container {
      name  = "tracer"
      image = "registry.example.com/tracer:1.0"
      security_context {
        seccomp_profile {
          type = "Unconfined"
        }
      }
    }
  }
}
