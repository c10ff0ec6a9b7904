resource "kubernetes_pod" "app" {
  metadata {
    name = "app"
  }
  spec {
    host_pid = false
    container {
      name  = "app"
      image = "registry.example.com/app:1.0"
    }
  }
}
