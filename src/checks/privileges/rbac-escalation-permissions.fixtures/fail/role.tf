resource "kubernetes_role" "secrets" {
  metadata {
    name      = "secrets"
    namespace = "apps"
  }
  rule {
    api_groups = [""]
    resources  = ["secrets"]
    verbs      = ["get", "list"]
  }
}
