# db admits pods labelled role=backup in namespaces labelled team=ops (both selectors in one
# from block), and, in a separate from block, every pod of namespaces whose env is prod or
# staging (match_expressions). Label keys with underscores stay as written.
resource "kubernetes_namespace_v1" "data" {
  metadata {
    name = "data"
  }
}

resource "kubernetes_namespace_v1" "ops" {
  metadata {
    name   = "ops"
    labels = { team = "ops" }
  }
}

resource "kubernetes_namespace_v1" "shop" {
  metadata {
    name   = "shop"
    labels = { env = "prod" }
  }
}

resource "kubernetes_pod_v1" "db" {
  metadata {
    name      = "db"
    namespace = "data"
    labels    = { app = "db" }
  }
  spec {
    container {
      name  = "pg"
      image = "postgres:16"
    }
  }
}

resource "kubernetes_pod_v1" "ops_backup" {
  metadata {
    name      = "backup"
    namespace = "ops"
    labels    = { backup_role = "backup" }
  }
  spec {
    container {
      name  = "b"
      image = "busybox:1.36"
    }
  }
}

resource "kubernetes_pod_v1" "ops_metrics" {
  metadata {
    name      = "metrics"
    namespace = "ops"
    labels    = { backup_role = "metrics" }
  }
  spec {
    container {
      name  = "m"
      image = "busybox:1.36"
    }
  }
}

resource "kubernetes_pod_v1" "data_backup" {
  metadata {
    name      = "backup"
    namespace = "data"
    labels    = { backup_role = "backup" }
  }
  spec {
    container {
      name  = "b"
      image = "busybox:1.36"
    }
  }
}

resource "kubernetes_pod_v1" "api" {
  metadata {
    name      = "api"
    namespace = "shop"
    labels    = { app = "api" }
  }
  spec {
    container {
      name  = "a"
      image = "busybox:1.36"
    }
  }
}

resource "kubernetes_network_policy_v1" "db" {
  metadata {
    name      = "db"
    namespace = "data"
  }
  spec {
    pod_selector {
      match_labels = { app = "db" }
    }
    policy_types = ["Ingress"]
    ingress {
      from {
        namespace_selector {
          match_labels = { team = "ops" }
        }
        pod_selector {
          match_labels = { backup_role = "backup" }
        }
      }
      from {
        namespace_selector {
          match_expressions {
            key      = "env"
            operator = "In"
            values   = ["prod", "staging"]
          }
        }
      }
      ports {
        port = "5432"
      }
    }
  }
}
