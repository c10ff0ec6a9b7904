resource "kubernetes_pod_v1" "shipper" {
  metadata {
    name = "shipper"
  }
  spec {
    container {
      name  = "shipper"
      image = "registry.example.com/shipper:2.0"
    }
    volume {
      name = "docker"
      host_path {
        path = "/var/run/docker.sock"
      }
    }
    volume {
      name = "scratch"
      empty_dir {}
    }
  }
}
