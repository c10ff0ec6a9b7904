resource "kubernetes_service_account_v1" "builder" {
  metadata {
    name      = "builder"
    namespace = "ci"
  }
}

resource "kubernetes_cluster_role_binding_v1" "builder_admin" {
  metadata {
    name = "builder-admin"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "cluster-admin"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "builder"
    namespace = "ci"
  }
}

resource "kubernetes_role_v1" "pod_maker" {
  metadata {
    name      = "pod-maker"
    namespace = "ci"
  }
  rule {
    api_groups = [""]
    resources  = ["pods"]
    verbs      = ["create"]
  }
}

resource "kubernetes_role_binding_v1" "deployer_pods" {
  metadata {
    name      = "deployer-pods"
    namespace = "ci"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "Role"
    name      = "pod-maker"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "deployer"
    namespace = "ci"
  }
}
