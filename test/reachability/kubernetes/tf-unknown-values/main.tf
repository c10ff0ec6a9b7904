# Values the scan cannot know make verdicts unknown, with a reason, never safe:
# - api's namespace is a variable without a value: whether the Service in shop selects it is unknown;
# - db's policy types are a variable: whether the policy isolates db is unknown;
# - web's policy admits an ip_block whose CIDR is malformed;
# - cache's policy admits a port that is a variable.
variable "ns" {
  type = string
}

variable "types" {
  type = list(string)
}

variable "cache_port" {
  type = string
}

resource "kubernetes_pod_v1" "api" {
  metadata {
    name      = "api"
    namespace = var.ns
    labels    = { app = "api" }
  }
  spec {
    container {
      name  = "a"
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
    }
  }
}

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

resource "kubernetes_pod_v1" "cache" {
  metadata {
    name      = "cache"
    namespace = "shop"
    labels    = { app = "cache" }
  }
  spec {
    container {
      name  = "c"
      image = "redis:7"
    }
  }
}

resource "kubernetes_pod_v1" "client" {
  metadata {
    name      = "client"
    namespace = "shop"
    labels    = { app = "client" }
  }
  spec {
    container {
      name  = "c"
      image = "busybox:1.36"
    }
  }
}

resource "kubernetes_service_v1" "api" {
  metadata {
    name      = "api"
    namespace = "shop"
  }
  spec {
    type     = "LoadBalancer"
    selector = { app = "api" }
    port {
      port = 443
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

resource "kubernetes_network_policy_v1" "db" {
  metadata {
    name      = "db"
    namespace = "shop"
  }
  spec {
    pod_selector {
      match_labels = { app = "db" }
    }
    policy_types = var.types
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
      from {
        ip_block {
          cidr = "10.0.0.300/8"
        }
      }
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
      ports {
        port = var.cache_port
      }
    }
  }
}
