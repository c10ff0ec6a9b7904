resource "google_project_iam_member" "ci_sa_user" {
  project = "example-project"
  role    = "roles/iam.serviceAccountUser"
  member  = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}

resource "google_project_iam_binding" "token_creators" {
  project = "example-project"
  role    = "roles/iam.serviceAccountTokenCreator"
  members = ["group:platform@example.com"]
}
