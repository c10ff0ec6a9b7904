resource "google_storage_bucket_iam_member" "team_read" {
  bucket = "example-private"
  role   = "roles/storage.objectViewer"
  member = "group:team@example.com"
}

resource "google_bigquery_dataset_iam_binding" "analysts" {
  dataset_id = "analytics"
  role       = "roles/bigquery.dataViewer"
  members    = ["domain:example.com"]
}
