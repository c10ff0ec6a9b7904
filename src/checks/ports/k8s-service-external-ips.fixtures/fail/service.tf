resource "kubernetes_service_v1" "dns" {
  metadata {
    name      = "dns-shim"
    namespace = "infra"
  }
  spec {
    selector = { app = "dns-shim" }
    port {
      port     = 53
      protocol = "UDP"
    }
    external_ips = ["8.8.8.8"]
  }
}
