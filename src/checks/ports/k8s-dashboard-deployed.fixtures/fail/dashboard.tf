resource "kubernetes_deployment_v1" "dashboard" {
  metadata {
    name      = "dashboard"
    namespace = "kube-system"
  }
  spec {
    selector {
      match_labels = { app = "dash" }
    }
    template {
      metadata {
        labels = { app = "dash" }
      }
      spec {
        container {
          name  = "dashboard"
          image = "k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1"
        }
      }
    }
  }
}
