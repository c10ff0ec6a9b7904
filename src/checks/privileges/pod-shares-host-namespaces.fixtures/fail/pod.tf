resource "kubernetes_pod" "inspector" {
  metadata {
    name = "inspector"
  }
  spec {
    host_pid = true
    host_ipc = false
    container {
      name  = "inspector"
      image = "busybox:1.36"
    }
  }
}
