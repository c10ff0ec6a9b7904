resource "google_bigquery_dataset" "reports" {
  dataset_id = "reports"
  location   = "EU"

  access {
    role          = "OWNER"
    special_group = "projectOwners"
  }

  access {
    role   = "READER"
    domain = "example.com"
  }
}

resource "google_bigquery_dataset_access" "team" {
  dataset_id = "reports"
  role       = "roles/bigquery.dataViewer"
  iam_member = "group:analysts@example.com"
}

resource "google_kms_crypto_key_iam_policy" "shared" {
  crypto_key_id = "projects/acme/locations/global/keyRings/main/cryptoKeys/data"
  policy_data   = <<POLICY
{
  "bindings": [{ "role": "roles/cloudkms.cryptoKeyDecrypter", "members": ["group:ops@example.com"] }]
}
POLICY
}
