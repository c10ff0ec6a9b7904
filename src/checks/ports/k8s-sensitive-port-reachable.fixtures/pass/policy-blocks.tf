# Redis behind a public LoadBalancer, but a NetworkPolicy admits only the api pods on 6379.
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
      port        = 6379
      target_port = "redis"
    }
  }
}

resource "kubernetes_network_policy_v1" "cache" {
  metadata {
    name      = "cache"
    namespace = "shop"
  }
  spec {
    pod_selector {
      match_labels = { app = "cache" }
    }
    policy_types = ["Ingress"]
    ingress {
      from {
        pod_selector {
          match_labels = { app = "api" }
        }
      }
      ports {
        port = "redis"
      }
    }
  }
}
