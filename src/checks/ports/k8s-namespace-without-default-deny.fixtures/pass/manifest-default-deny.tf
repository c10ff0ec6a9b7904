# A typed namespace whose default deny is a kubernetes_manifest (no policyTypes: the API server
# defaults them to [Ingress], as for a manifest).
resource "kubernetes_namespace_v1" "orders" {
  metadata {
    name = "orders"
  }
}

resource "kubernetes_manifest" "orders_default_deny" {
  manifest = {
    apiVersion = "networking.k8s.io/v1"
    kind       = "NetworkPolicy"
    metadata = {
      name      = "default-deny"
      namespace = "orders"
    }
    spec = {
      podSelector = {}
    }
  }
}
