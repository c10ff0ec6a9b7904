resource "google_cloudfunctions2_function" "gen2" {
  name     = "gen2"
  location = "europe-west1"

  build_config {
    runtime     = "python313"
    entry_point = "handler"
  }
}

resource "google_app_engine_standard_app_version" "java" {
  version_id = "v1"
  service    = "default"
  runtime    = "java21"

  entrypoint {
    shell = "java -jar app.jar"
  }
}
