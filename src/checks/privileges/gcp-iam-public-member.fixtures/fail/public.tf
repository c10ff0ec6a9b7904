resource "google_storage_bucket_iam_member" "public_read" {
  bucket = "example-public"
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "google_bigquery_dataset_iam_binding" "everyone" {
  dataset_id = "analytics"
  role       = "roles/bigquery.dataViewer"
  members = [
    "group:analysts@example.com",
    "allAuthenticatedUsers",
  ]
}

data "google_iam_policy" "topic" {
  binding {
    role    = "roles/pubsub.publisher"
    members = ["allUsers"]
  }
}
