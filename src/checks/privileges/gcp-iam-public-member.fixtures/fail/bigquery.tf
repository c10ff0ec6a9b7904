resource "google_bigquery_dataset" "reports" {
  dataset_id = "reports"
  location   = "EU"

  access {
    role          = "OWNER"
    user_by_email = "owner@example.com"
  }

  access {
    role          = "READER"
    special_group = "allAuthenticatedUsers"
  }
}

resource "google_bigquery_dataset_access" "open" {
  dataset_id = "reports"
  role       = "roles/bigquery.dataViewer"
  iam_member = "allUsers"
}

data "google_iam_policy" "key_users" {
  binding {
    role   = "roles/cloudkms.cryptoKeyEncrypter"
    member = "allUsers"
  }
}
