resource "kubernetes_service" "internal" {
  metadata {
    name      = "internal"
    namespace = "shop"
    annotations = {
      "service.beta.kubernetes.io/azure-load-balancer-internal" = "true"
    }
  }

  spec {
    selector = {
      app = "shop"
    }
    type = "LoadBalancer"

    port {
      port = 8080
    }
  }
}

resource "kubernetes_service_v1" "office" {
  metadata {
    name      = "office"
    namespace = "shop"
  }

  spec {
    type                        = "LoadBalancer"
    load_balancer_source_ranges = ["203.0.113.0/24"]

    port {
      port = 443
    }
  }
}
