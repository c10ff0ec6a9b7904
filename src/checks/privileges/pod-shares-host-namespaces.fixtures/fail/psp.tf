resource "kubernetes_pod_security_policy" "permissive" {
  metadata {
    name = "permissive"
  }
  spec {
    privileged = false
    host_pid   = true
    host_ipc   = false
    volumes    = ["configMap", "secret"]
    run_as_user {
      rule = "MustRunAsNonRoot"
    }
    se_linux {
      rule = "RunAsAny"
    }
    supplemental_groups {
      rule = "RunAsAny"
    }
    fs_group {
      rule = "RunAsAny"
    }
  }
}
