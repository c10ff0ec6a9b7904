variable "uid" {
  type = number
}

resource "kubernetes_pod_v1" "job" {
  metadata {
    name = "job"
  }
  spec {
    container {
      name  = "job"
      image = "registry.example.com/job:1.0"
      security_context {
        run_as_user = var.uid
      }
    }
  }
}
