# kubernetes_manifest carries any object as written in a manifest: a default deny and an allow
# policy for web in shop, and web itself; a typed Service in front of it. The worker's manifest
# has no metadata.namespace, which kubernetes_manifest refuses for a namespaced kind: where it
# would run is unknown, so what reaches it is unknown too.
resource "kubernetes_manifest" "default_deny" {
  manifest = {
    apiVersion = "networking.k8s.io/v1"
    kind       = "NetworkPolicy"
    metadata = {
      name      = "default-deny"
      namespace = "shop"
    }
    spec = {
      podSelector = {}
      policyTypes = ["Ingress"]
    }
  }
}

resource "kubernetes_manifest" "web_policy" {
  manifest = {
    apiVersion = "networking.k8s.io/v1"
    kind       = "NetworkPolicy"
    metadata = {
      name      = "web"
      namespace = "shop"
    }
    spec = {
      podSelector = { matchLabels = { app = "web" } }
      ingress     = [{ ports = [{ port = 8080 }] }]
    }
  }
}

resource "kubernetes_manifest" "web" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "Deployment"
    metadata = {
      name      = "web"
      namespace = "shop"
    }
    spec = {
      selector = { matchLabels = { app = "web" } }
      template = {
        metadata = { labels = { app = "web" } }
        spec = {
          containers = [{
            name  = "web"
            image = "nginx:1.27"
            ports = [{ containerPort = 8080 }, { containerPort = 9090 }]
          }]
        }
      }
    }
  }
}

resource "kubernetes_manifest" "worker" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name   = "worker"
      labels = { app = "worker" }
    }
    spec = {
      containers = [{ name = "w", image = "busybox:1.36" }]
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
