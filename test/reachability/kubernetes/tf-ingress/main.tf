# Ingresses from the provider: kubernetes_ingress_v1 (rule → http → path → backend.service with a
# port block) and the older kubernetes_ingress (default backend with service_name/service_port as
# strings). The storefront pods are behind the v1 ingress; admin is behind an internal ingress
# class; legacy is behind the old resource's default backend.
resource "kubernetes_deployment_v1" "storefront" {
  metadata {
    name      = "storefront"
    namespace = "shop"
  }
  spec {
    selector {
      match_labels = { app = "storefront" }
    }
    template {
      metadata {
        labels = { app = "storefront" }
      }
      spec {
        container {
          name  = "web"
          image = "nginx:1.27"
          port {
            name           = "http"
            container_port = 8080
          }
        }
      }
    }
  }
}

resource "kubernetes_daemon_set_v1" "legacy" {
  metadata {
    name      = "legacy"
    namespace = "shop"
  }
  spec {
    selector {
      match_labels = { app = "legacy" }
    }
    template {
      metadata {
        labels = { app = "legacy" }
      }
      spec {
        container {
          name  = "l"
          image = "httpd:2.4"
          port {
            container_port = 80
          }
        }
      }
    }
  }
}

resource "kubernetes_service_v1" "storefront" {
  metadata {
    name      = "storefront"
    namespace = "shop"
  }
  spec {
    selector = { app = "storefront" }
    port {
      name        = "web"
      port        = 80
      target_port = "http"
    }
  }
}

resource "kubernetes_service_v1" "legacy" {
  metadata {
    name      = "legacy"
    namespace = "shop"
  }
  spec {
    selector = { app = "legacy" }
    port {
      port = 80
    }
  }
}

resource "kubernetes_ingress_v1" "shop" {
  metadata {
    name      = "shop"
    namespace = "shop"
  }
  spec {
    ingress_class_name = "nginx"
    rule {
      host = "shop.example.com"
      http {
        path {
          path = "/"
          backend {
            service {
              name = "storefront"
              port {
                number = 80
              }
            }
          }
        }
      }
    }
  }
}

resource "kubernetes_ingress" "legacy" {
  metadata {
    name      = "legacy"
    namespace = "shop"
  }
  spec {
    backend {
      service_name = "legacy"
      service_port = "80"
    }
  }
}

resource "kubernetes_ingress_v1" "internal" {
  metadata {
    name      = "internal"
    namespace = "shop"
    annotations = {
      "alb.ingress.kubernetes.io/scheme" = "internal"
    }
  }
  spec {
    default_backend {
      service {
        name = "legacy"
        port {
          number = 80
        }
      }
    }
  }
}
