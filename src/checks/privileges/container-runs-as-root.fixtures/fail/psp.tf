resource "kubernetes_pod_security_policy" "any_user" {
  metadata {
    name = "any-user"
  }
  spec {
    volumes = ["configMap", "secret"]
    run_as_user {
      rule = "MustRunAs"
      range {
        min = 0
        max = 65535
      }
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
