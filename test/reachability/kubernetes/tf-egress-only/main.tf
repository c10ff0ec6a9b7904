# An egress-only policy (policy_types = ["Egress"]) on every pod: pods stay open for ingress, and
# may send only to DNS (udp 53) and to app=db on its named port pg.
resource "kubernetes_pod_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
    labels    = { app = "web" }
  }
  spec {
    container {
      name  = "w"
      image = "nginx:1.27"
    }
  }
}

resource "kubernetes_pod_v1" "db" {
  metadata {
    name      = "db"
    namespace = "shop"
    labels    = { app = "db" }
  }
  spec {
    container {
      name  = "d"
      image = "postgres:16"
      port {
        container_port = 5432
        name           = "pg"
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
      port = 80
    }
  }
}

resource "kubernetes_network_policy_v1" "egress" {
  metadata {
    name      = "egress"
    namespace = "shop"
  }
  spec {
    pod_selector {}
    policy_types = ["Egress"]
    egress {
      ports {
        port     = "53"
        protocol = "UDP"
      }
    }
    egress {
      to {
        pod_selector {
          match_labels = { app = "db" }
        }
      }
      ports {
        port = "pg"
      }
    }
  }
}
