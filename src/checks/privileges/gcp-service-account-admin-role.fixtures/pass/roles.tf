resource "google_project_iam_member" "ops_admin" {
  project = "example-project"
  role    = "roles/compute.admin"
  member  = "group:ops@example.com"
}

resource "google_project_iam_member" "ci_deployer" {
  project = "example-project"
  role    = "roles/run.developer"
  member  = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}

resource "google_project_iam_member" "log_writer" {
  project = "example-project"
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:app@example-project.iam.gserviceaccount.com"
}
