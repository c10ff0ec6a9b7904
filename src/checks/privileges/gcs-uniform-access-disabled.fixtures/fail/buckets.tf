resource "google_storage_bucket" "defaults" {
  name     = "example-defaults"
  location = "EU"
}

resource "google_storage_bucket" "acls" {
  name                        = "example-acls"
  location                    = "EU"
  uniform_bucket_level_access = false
}
