resource "kubernetes_pod_v1" "web" {
  metadata {
    name = "web"
  }

  spec {
    host_network = false

    container {
      name  = "web"
      image = "nginx:1.27"
    }
  }
}
