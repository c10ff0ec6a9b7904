resource "google_service_account" "runtime" {
  account_id = "runtime"
}

resource "google_service_account_iam_member" "ci_can_use_runtime" {
  service_account_id = google_service_account.runtime.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}

resource "google_project_iam_member" "ci_run" {
  project = "example-project"
  role    = "roles/run.admin"
  member  = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}
