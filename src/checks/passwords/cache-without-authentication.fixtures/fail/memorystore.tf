resource "google_redis_instance" "sessions" {
  name           = "sessions"
  memory_size_gb = 1
  tier           = "STANDARD_HA"
  region         = "europe-west1"
}

resource "google_redis_instance" "queue" {
  name           = "queue"
  memory_size_gb = 1
  auth_enabled   = false
}
