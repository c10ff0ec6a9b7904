resource "google_cloudfunctions_function" "legacy" {
  name                  = "legacy"
  runtime               = "python37"
  entry_point           = "handler"
  source_archive_bucket = "bucket"
  source_archive_object = "fn.zip"
  trigger_http          = true
}

resource "google_cloudfunctions2_function" "gen2" {
  name     = "gen2"
  location = "europe-west1"

  build_config {
    runtime     = "nodejs16"
    entry_point = "handler"
  }
}

resource "google_app_engine_standard_app_version" "v1" {
  version_id = "v1"
  service    = "default"
  runtime    = "go113"

  entrypoint {
    shell = "main"
  }
}
