resource "kubernetes_pod_security_policy" "ranged" {
  metadata {
    name = "ranged"
  }
  spec {
    volumes = ["configMap", "secret"]
    run_as_user {
      rule = "MustRunAs"
      range {
        min = 1000
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
