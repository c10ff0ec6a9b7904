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

resource "google_kms_crypto_key_iam_policy" "shared" {
  crypto_key_id = "projects/acme/locations/global/keyRings/main/cryptoKeys/data"
  policy_data = jsonencode({
    bindings = [{
      role    = "roles/cloudkms.cryptoKeyDecrypter"
      members = ["group:ops@example.com", "allAuthenticatedUsers"]
    }]
  })
}
