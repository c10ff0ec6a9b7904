resource "kubernetes_role_binding" "app" {
  metadata {
    name      = "app"
    namespace = "shop"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "Role"
    name      = "config-reader"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "storefront"
    namespace = "shop"
  }
}
