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
        container {
          name  = "web"
          image = "nginx:latest"
        }

        container {
          name  = "metrics"
          image = "prom/statsd-exporter:v0.26.0"
        }
      }
    }
  }
}
