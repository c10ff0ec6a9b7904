resource "kubernetes_role_v1" "reader" {
  metadata {
    name      = "job-reader"
    namespace = "batch"
  }
  rule {
    api_groups = ["batch"]
    resources  = ["jobs", "cronjobs"]
    verbs      = ["get", "list", "watch"]
  }
}
