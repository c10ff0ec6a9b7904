resource "kubernetes_deployment_v1" "web" {
  metadata {
    name = "web"
  }
  spec {
    selector {
      match_labels = { app = "web" }
    }
    template {
      metadata {
        labels = { app = "web" }
      }
      spec {
        security_context {
          sysctl {
            name  = "kernel.shm_rmid_forced"
            value = "1"
          }
        }
        container {
          name  = "web"
          image = "nginx:1.27.0"
        }
      }
    }
  }
}
