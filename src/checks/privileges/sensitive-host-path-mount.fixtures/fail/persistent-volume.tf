resource "kubernetes_persistent_volume" "docker" {
  metadata {
    name = "docker"
  }
  spec {
    capacity = {
      storage = "1Gi"
    }
    access_modes = ["ReadWriteOnce"]
    persistent_volume_source {
      host_path {
        path = "/var/lib/docker"
      }
    }
  }
}
