resource "kubernetes_cluster_role" "operator" {
  metadata {
    name = "operator"
  }
  rule {
    api_groups = [""]
    resources  = ["pods"]
    verbs      = ["get", "list"]
  }
  rule {
    api_groups = ["*"]
    resources  = ["*"]
    verbs      = ["get"]
  }
}
