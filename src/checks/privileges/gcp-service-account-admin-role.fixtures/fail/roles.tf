resource "google_project_iam_member" "ci_iam_admin" {
  project = "example-project"
  role    = "roles/resourcemanager.projectIamAdmin"
  member  = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}

resource "google_project_iam_binding" "compute_admins" {
  project = "example-project"
  role    = "roles/compute.admin"
  members = [
    "group:ops@example.com",
    "serviceAccount:autoscaler@example-project.iam.gserviceaccount.com",
  ]
}
