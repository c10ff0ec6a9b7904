# No NetworkPolicy: every pod admits everything, so both LoadBalancers expose their pods and the
# pods reach each other on every port. The StatefulSet has no metadata.namespace: the provider's
# default is "default".
resource "kubernetes_deployment" "web" {
  metadata {
    name = "web"
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

resource "kubernetes_stateful_set_v1" "db" {
  metadata {
    name = "db"
  }
  spec {
    service_name = "db"
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

resource "kubernetes_service" "web" {
  metadata {
    name = "web"
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

resource "kubernetes_service" "db" {
  metadata {
    name = "db"
  }
  spec {
    type     = "LoadBalancer"
    selector = { app = "db" }
    port {
      port        = 5432
      target_port = "5432"
    }
  }
}
