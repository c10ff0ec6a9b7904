resource "kubernetes_pod_v1" "exporter" {
  metadata {
    name = "exporter"
  }
  spec {
    container {
      name  = "exporter"
      image = "registry.example.com/redis-exporter:1.62"
      args  = ["--redis.addr=redis://cache:6379", "--redis.password=Tf-Redis-Exp-Pw"]
    }
  }
}
