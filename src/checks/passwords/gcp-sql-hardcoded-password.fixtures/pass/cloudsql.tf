data "google_secret_manager_secret_version" "app_db" {
  secret = "app-db-password"
}

resource "google_sql_database_instance" "pg" {
  name             = "app"
  database_version = "POSTGRES_16"
  region           = "europe-west1"
  settings {
    tier = "db-f1-micro"
    database_flags {
      name  = "cloudsql.iam_authentication"
      value = "on"
    }
  }
}

resource "google_sql_user" "iam" {
  name     = "app-sa@acme-prod.iam"
  instance = google_sql_database_instance.pg.name
  type     = "CLOUD_IAM_SERVICE_ACCOUNT"
}

resource "google_sql_user" "app" {
  name     = "app"
  instance = google_sql_database_instance.pg.name
  password = data.google_secret_manager_secret_version.app_db.secret_data
}
