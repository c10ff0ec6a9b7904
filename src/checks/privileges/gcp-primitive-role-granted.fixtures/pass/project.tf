resource "google_project_iam_member" "ci_deployer" {
  project = "example-project"
  role    = "roles/run.developer"
  member  = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}

resource "google_project_iam_binding" "viewers" {
  project = "example-project"
  role    = "roles/viewer"
  members = ["group:auditors@example.com"]
}

resource "google_storage_bucket_iam_member" "bucket_owner" {
  bucket = "example-bucket"
  role   = "roles/storage.admin"
  member = "group:storage-admins@example.com"
}
