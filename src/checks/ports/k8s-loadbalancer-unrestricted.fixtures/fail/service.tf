resource "kubernetes_service" "public" {
  metadata {
    name      = "public"
    namespace = "shop"
  }

  spec {
    selector = {
      app = "shop"
    }
    type = "LoadBalancer"

    port {
      port        = 443
      target_port = 8443
    }
  }
}

resource "kubernetes_service_v1" "redis" {
  metadata {
    name      = "redis"
    namespace = "shop"
  }

  spec {
    selector = {
      app = "redis"
    }
    type                        = "LoadBalancer"
    load_balancer_source_ranges = ["0.0.0.0/0"]

    port {
      port = 6379
    }
  }
}
