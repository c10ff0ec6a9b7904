# The provider's subtle shapes: an empty `ingress {}` block is a rule with neither `from` nor
# `ports`, which admits everything; no `ingress` block at all is an empty rule list, which admits
# nothing. An empty `ports {}` block (protocol defaults to TCP) admits every TCP port, and an
# empty `namespace_selector {}` selects every namespace.
resource "kubernetes_pod_v1" "open" {
  metadata {
    name      = "open"
    namespace = "lab"
    labels    = { app = "open" }
  }
  spec {
    container {
      name  = "o"
      image = "nginx:1.27"
    }
  }
}

resource "kubernetes_pod_v1" "closed" {
  metadata {
    name      = "closed"
    namespace = "lab"
    labels    = { app = "closed" }
  }
  spec {
    container {
      name  = "c"
      image = "nginx:1.27"
    }
  }
}

resource "kubernetes_pod_v1" "tcp_only" {
  metadata {
    name      = "tcp-only"
    namespace = "lab"
    labels    = { app = "tcp-only" }
  }
  spec {
    container {
      name  = "t"
      image = "nginx:1.27"
    }
  }
}

resource "kubernetes_pod_v1" "client" {
  metadata {
    name      = "client"
    namespace = "other"
    labels    = { app = "client" }
  }
  spec {
    container {
      name  = "c"
      image = "busybox:1.36"
    }
  }
}

resource "kubernetes_network_policy_v1" "open" {
  metadata {
    name      = "open"
    namespace = "lab"
  }
  spec {
    pod_selector {
      match_labels = { app = "open" }
    }
    policy_types = ["Ingress"]
    ingress {}
  }
}

resource "kubernetes_network_policy_v1" "closed" {
  metadata {
    name      = "closed"
    namespace = "lab"
  }
  spec {
    pod_selector {
      match_labels = { app = "closed" }
    }
    policy_types = ["Ingress"]
  }
}

resource "kubernetes_network_policy_v1" "tcp_only" {
  metadata {
    name      = "tcp-only"
    namespace = "lab"
  }
  spec {
    pod_selector {
      match_labels = { app = "tcp-only" }
    }
    policy_types = ["Ingress"]
    ingress {
      from {
        namespace_selector {}
      }
      ports {}
    }
  }
}
