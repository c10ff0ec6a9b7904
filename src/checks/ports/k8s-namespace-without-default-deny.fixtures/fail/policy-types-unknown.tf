# The would-be default deny takes its policy types from a variable without a value: unknown.
variable "types" {
  type = list(string)
}

resource "kubernetes_namespace" "billing" {
  metadata {
    name = "billing"
  }
}

resource "kubernetes_network_policy" "deny" {
  metadata {
    name      = "deny"
    namespace = "billing"
  }
  spec {
    pod_selector {}
    policy_types = var.types
  }
}
