resource "kubernetes_role_binding_v1" "team" {
  metadata {
    name      = "team"
    namespace = "team"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "edit"
  }
  subject {
    api_group = "rbac.authorization.k8s.io"
    kind      = "Group"
    name      = "team-developers"
  }
}
