resource "kubernetes_pod_v1" "api" {
  metadata {
    name = "api"
  }
  spec {
    security_context {
      run_as_non_root = true
      run_as_user     = "10001"
    }
    container {
      name  = "api"
      image = "registry.example.com/api:2.0"
    }
  }
}
