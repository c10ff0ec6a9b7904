# The IP endpoint stays on and no authorized networks are set.
resource "google_container_cluster" "ip_on" {
  name               = "ip-on"
  location           = "europe-west1"
  initial_node_count = 1

  control_plane_endpoints_config {
    ip_endpoints_config {
      enabled = true
    }
  }
}
