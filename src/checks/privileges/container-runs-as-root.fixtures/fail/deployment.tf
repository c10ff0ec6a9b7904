resource "kubernetes_deployment" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
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
        container {
          name  = "web"
          image = "nginx:1.27"
        }
        container {
          name  = "agent"
          image = "registry.example.com/agent:1.0"
          security_context {
            run_as_user = 0
          }
        }
      }
    }
  }
}
