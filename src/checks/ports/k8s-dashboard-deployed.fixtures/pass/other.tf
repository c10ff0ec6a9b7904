resource "kubernetes_deployment_v1" "grafana" {
  metadata {
    name = "grafana"
  }
  spec {
    selector {
      match_labels = { app = "grafana" }
    }
    template {
      metadata {
        labels = { app = "grafana" }
      }
      spec {
        container {
          name  = "grafana"
          image = "grafana/grafana:11.2.0"
        }
      }
    }
  }
}
