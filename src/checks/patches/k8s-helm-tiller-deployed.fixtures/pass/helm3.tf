resource "kubernetes_deployment_v1" "helm_operator" {
  metadata {
    name = "helm-operator"
  }
  spec {
    selector {
      match_labels = { app = "helm-operator" }
    }
    template {
      metadata {
        labels = { app = "helm-operator" }
      }
      spec {
        container {
          name  = "operator"
          image = "ghcr.io/fluxcd/helm-controller:v1.0.1"
        }
      }
    }
  }
}
