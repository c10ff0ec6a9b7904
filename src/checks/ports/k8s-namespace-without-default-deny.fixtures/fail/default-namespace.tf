# No metadata.namespace: the provider puts the Deployment in "default", which has no policy.
resource "kubernetes_deployment" "api" {
  metadata {
    name = "api"
  }
  spec {
    selector {
      match_labels = { app = "api" }
    }
    template {
      metadata {
        labels = { app = "api" }
      }
      spec {
        container {
          name  = "api"
          image = "nginx:1.27"
        }
      }
    }
  }
}
