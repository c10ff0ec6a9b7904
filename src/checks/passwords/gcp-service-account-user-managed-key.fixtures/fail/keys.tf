resource "google_service_account" "ci" {
  account_id   = "ci-deployer"
  display_name = "CI deployer"
}

resource "google_service_account_key" "ci" {
  service_account_id = google_service_account.ci.name
  key_algorithm      = "KEY_ALG_RSA_2048"
}

resource "google_service_account_key" "uploaded" {
  service_account_id = "projects/shop/serviceAccounts/legacy@shop.iam.gserviceaccount.com"
  public_key_data    = filebase64("${path.module}/legacy.pub")
}
