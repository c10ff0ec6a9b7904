# Google provider 6.x: the IP endpoint is switched off; kubectl reaches the cluster through its
# DNS endpoint, where IAM authorises every call.
resource "google_container_cluster" "dns_only" {
  name               = "dns-only"
  location           = "europe-west1"
  initial_node_count = 1

  control_plane_endpoints_config {
    dns_endpoint_config {
      allow_external_traffic = true
    }
    ip_endpoints_config {
      enabled = false
    }
  }
}
