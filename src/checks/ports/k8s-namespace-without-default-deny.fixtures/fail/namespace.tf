# A Terraform-declared namespace whose only policy selects some pods: no default deny.
resource "kubernetes_namespace_v1" "shop" {
  metadata {
    name = "shop"
  }
}

resource "kubernetes_network_policy_v1" "web" {
  metadata {
    name      = "web"
    namespace = kubernetes_namespace_v1.shop.metadata[0].name
  }
  spec {
    pod_selector {
      match_labels = { app = "web" }
    }
    policy_types = ["Ingress"]
    ingress {}
  }
}
