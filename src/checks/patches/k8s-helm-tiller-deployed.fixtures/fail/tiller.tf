resource "kubernetes_deployment_v1" "tiller" {
  metadata {
    name      = "tiller-deploy"
    namespace = "kube-system"
  }
  spec {
    selector {
      match_labels = { app = "helm" }
    }
    template {
      metadata {
        labels = { app = "helm" }
      }
      spec {
        container {
          name  = "tiller"
          image = "ghcr.io/helm/tiller:v2.17.0"
        }
      }
    }
  }
}
