resource "google_project_iam_policy" "project" {
  project = "acme-prod"
  policy_data = jsonencode({
    bindings = [
      { role = "roles/viewer", members = ["group:auditors@example.com"] },
      { role = "roles/run.developer", members = ["serviceAccount:deployer@acme-prod.iam.gserviceaccount.com"] },
    ]
  })
}
