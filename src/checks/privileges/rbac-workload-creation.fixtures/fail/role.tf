resource "kubernetes_cluster_role_v1" "agents" {
  metadata {
    name = "node-agents-manager"
  }
  rule {
    api_groups = ["apps"]
    resources  = ["daemonsets"]
    verbs      = ["create", "update"]
  }
}
