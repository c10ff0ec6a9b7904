resource "kubernetes_cluster_role_binding_v1" "open" {
  metadata {
    name = "open"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    api_group = "rbac.authorization.k8s.io"
    kind      = "Group"
    name      = "system:unauthenticated"
  }
}
