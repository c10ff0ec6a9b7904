resource "kubernetes_role_v1" "reader" {
  metadata {
    name      = "reader"
    namespace = "web"
  }
  rule {
    api_groups = [""]
    resources  = ["configmaps"]
    verbs      = ["get", "list", "watch"]
  }
}
