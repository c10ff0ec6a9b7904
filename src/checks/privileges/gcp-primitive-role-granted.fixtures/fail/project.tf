resource "google_project_iam_member" "ci_owner" {
  project = "example-project"
  role    = "roles/owner"
  member  = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}

resource "google_project_iam_binding" "editors" {
  project = "example-project"
  role    = "roles/editor"
  members = ["group:developers@example.com"]
}

resource "google_folder_iam_member" "folder_owner" {
  folder = "folders/1234567890"
  role   = "roles/owner"
  member = "user:admin@example.com"
}

data "google_iam_policy" "project" {
  binding {
    role    = "roles/viewer"
    members = ["group:auditors@example.com"]
  }
  binding {
    role    = "roles/editor"
    members = ["serviceAccount:legacy@example-project.iam.gserviceaccount.com"]
  }
}
