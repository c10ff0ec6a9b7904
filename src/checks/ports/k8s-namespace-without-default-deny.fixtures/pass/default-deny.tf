# pod_selector {} with policy_types ["Ingress"] and no ingress block: a default deny.
resource "kubernetes_namespace_v1" "api" {
  metadata {
    name   = "api"
    labels = { team = "api" }
  }
}

resource "kubernetes_network_policy_v1" "deny_all" {
  metadata {
    name      = "deny-all"
    namespace = kubernetes_namespace_v1.api.metadata[0].name
  }
  spec {
    pod_selector {}
    policy_types = ["Ingress", "Egress"]
  }
}
