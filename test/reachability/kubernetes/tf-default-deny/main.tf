# The default-deny estate written with the Terraform kubernetes provider: default deny for
# ingress in shop (pod_selector {} and no ingress block); web admits anyone on its named port,
# db only web on 5432. policy_types is required by the provider, so it is always written.
resource "kubernetes_namespace_v1" "shop" {
  metadata {
    name = "shop"
  }
}

resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = kubernetes_namespace_v1.shop.metadata[0].name
  }
  spec {
    selector {
      match_labels = { app = "web" }
    }
    template {
      metadata {
        labels = { app = "web" }
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

resource "kubernetes_deployment_v1" "db" {
  metadata {
    name      = "db"
    namespace = "shop"
  }
  spec {
    selector {
      match_labels = { app = "db" }
    }
    template {
      metadata {
        labels = { app = "db" }
      }
      spec {
        container {
          name  = "db"
          image = "postgres:16"
          port {
            name           = "pg"
            container_port = 5432
          }
        }
      }
    }
  }
}

resource "kubernetes_service_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }
  spec {
    type     = "LoadBalancer"
    selector = { app = "web" }
    port {
      port        = 80
      target_port = "http"
    }
  }
}

resource "kubernetes_service_v1" "db" {
  metadata {
    name      = "db"
    namespace = "shop"
  }
  spec {
    type     = "LoadBalancer"
    selector = { app = "db" }
    port {
      port = 5432
    }
  }
}

resource "kubernetes_network_policy_v1" "default_deny" {
  metadata {
    name      = "default-deny"
    namespace = "shop"
  }
  spec {
    pod_selector {}
    policy_types = ["Ingress"]
  }
}

resource "kubernetes_network_policy_v1" "web_from_anywhere" {
  metadata {
    name      = "web-from-anywhere"
    namespace = "shop"
  }
  spec {
    pod_selector {
      match_labels = { app = "web" }
    }
    policy_types = ["Ingress"]
    ingress {
      ports {
        port = "http"
      }
    }
  }
}

resource "kubernetes_network_policy_v1" "db_from_web" {
  metadata {
    name      = "db-from-web"
    namespace = "shop"
  }
  spec {
    pod_selector {
      match_labels = { app = "db" }
    }
    policy_types = ["Ingress"]
    ingress {
      from {
        pod_selector {
          match_labels = { app = "web" }
        }
      }
      ports {
        port     = "5432"
        protocol = "TCP"
      }
    }
  }
}
