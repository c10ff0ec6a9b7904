resource "kubernetes_pod_v1" "worker" {
  metadata {
    name = "worker"
  }

  spec {
    container {
      name              = "worker"
      image             = "registry.example.com/jobs/worker:3.2"
      image_pull_policy = "Always"
    }
  }
}
