resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
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
            container_port = 8080
          }
          port {
            name           = "metrics"
            container_port = 9090
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
      target_port = "8080"
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

resource "kubernetes_network_policy_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }
  spec {
    pod_selector {
      match_labels = { app = "web" }
    }
    policy_types = ["Ingress"]
    ingress {
      ports {
        port = "8080"
      }
    }
    ingress {
      from {
        namespace_selector {
          match_labels = { team = "ops" }
        }
      }
      ports {
        port = "metrics"
      }
    }
  }
}
