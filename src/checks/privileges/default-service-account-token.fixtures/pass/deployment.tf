resource "kubernetes_deployment_v1" "web" {
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
        service_account_name            = "web"
        automount_service_account_token = false
        container {
          name  = "web"
          image = "nginx:1.27"
        }
      }
    }
  }
}
