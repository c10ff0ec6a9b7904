resource "kubernetes_cluster_role_binding" "default_view" {
  metadata {
    name = "default-view"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "default"
    namespace = "monitoring"
  }
}
