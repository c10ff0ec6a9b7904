resource "kubernetes_cluster_role_binding_v1" "view" {
  metadata {
    name = "auditors"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "view"
  }
  subject {
    kind      = "Group"
    name      = "auditors"
    api_group = "rbac.authorization.k8s.io"
  }
}
