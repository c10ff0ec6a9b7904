# api admits the internet except 203.0.113.0/24 (client addresses kept: external_traffic_policy
# Local); admin admits only 10.0.0.0/8, which no internet client has, and which may or may not
# hold pod addresses: unknown for pods, blocked for the internet.
locals {
  ns = "edge"
}

resource "kubernetes_pod" "api" {
  metadata {
    name      = "api"
    namespace = local.ns
    labels    = { app = "api" }
  }
  spec {
    container {
      name  = "a"
      image = "nginx:1.27"
    }
  }
}

resource "kubernetes_pod" "admin" {
  metadata {
    name      = "admin"
    namespace = local.ns
    labels    = { app = "admin" }
  }
  spec {
    container {
      name  = "a"
      image = "nginx:1.27"
    }
  }
}

resource "kubernetes_service_v1" "api" {
  metadata {
    name      = "api"
    namespace = local.ns
  }
  spec {
    type                    = "LoadBalancer"
    external_traffic_policy = "Local"
    selector                = { app = "api" }
    port {
      port = 443
    }
  }
}

resource "kubernetes_service_v1" "admin" {
  metadata {
    name      = "admin"
    namespace = local.ns
  }
  spec {
    type                    = "LoadBalancer"
    external_traffic_policy = "Local"
    selector                = { app = "admin" }
    port {
      port = 8443
    }
  }
}

resource "kubernetes_network_policy" "api" {
  metadata {
    name      = "api"
    namespace = local.ns
  }
  spec {
    pod_selector {
      match_labels = { app = "api" }
    }
    policy_types = ["Ingress"]
    ingress {
      from {
        ip_block {
          cidr   = "0.0.0.0/0"
          except = ["203.0.113.0/24", "10.0.0.0/8"]
        }
      }
    }
  }
}

resource "kubernetes_network_policy" "admin" {
  metadata {
    name      = "admin"
    namespace = local.ns
  }
  spec {
    pod_selector {
      match_labels = { app = "admin" }
    }
    policy_types = ["Ingress"]
    ingress {
      from {
        ip_block {
          cidr = "10.0.0.0/8"
        }
      }
    }
  }
}
