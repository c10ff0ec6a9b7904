resource "kubernetes_pod_v1" "sniffer" {
  metadata {
    name = "sniffer"
  }

  spec {
    host_network = true

    container {
      name  = "tcpdump"
      image = "registry.example.com/tcpdump:4.99"
    }
  }
}

resource "kubernetes_deployment" "agent" {
  metadata {
    name      = "agent"
    namespace = "monitoring"
  }

  spec {
    selector {
      match_labels = {
        app = "agent"
      }
    }

    template {
      metadata {
        labels = {
          app = "agent"
        }
      }

      spec {
        host_network = true

        container {
          name  = "agent"
          image = "registry.example.com/agent:2.1"
        }
      }
    }
  }
}
