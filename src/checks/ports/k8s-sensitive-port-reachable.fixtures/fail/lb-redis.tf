# The same public LoadBalancer in front of Redis, declared with the Terraform kubernetes provider.
resource "kubernetes_deployment_v1" "cache" {
  metadata {
    name      = "cache"
    namespace = "shop"
  }
  spec {
    selector {
      match_labels = { app = "cache" }
    }
    template {
      metadata {
        labels = { app = "cache" }
      }
      spec {
        container {
          name  = "redis"
          image = "redis:7.4"
          port {
            name           = "redis"
            container_port = 6379
          }
        }
      }
    }
  }
}

resource "kubernetes_service_v1" "cache" {
  metadata {
    name      = "cache"
    namespace = "shop"
  }
  spec {
    type     = "LoadBalancer"
    selector = { app = "cache" }
    port {
      port        = 80
      target_port = "redis"
    }
  }
}
