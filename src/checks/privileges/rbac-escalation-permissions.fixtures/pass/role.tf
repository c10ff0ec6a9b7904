resource "kubernetes_role" "one_secret" {
  metadata {
    name      = "one-secret"
    namespace = "apps"
  }
  rule {
    api_groups     = [""]
    resources      = ["secrets"]
    resource_names = ["app-tls"]
    verbs          = ["get"]
  }
}
