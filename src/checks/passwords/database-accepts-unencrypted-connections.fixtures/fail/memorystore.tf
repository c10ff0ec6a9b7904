resource "google_redis_instance" "sessions" {
  name           = "sessions"
  memory_size_gb = 1
  auth_enabled   = true
}

resource "google_redis_instance" "queue" {
  name                    = "queue"
  memory_size_gb          = 1
  auth_enabled            = true
  transit_encryption_mode = "DISABLED"
}
