resource "google_sql_database_instance" "mssql" {
  name             = "reporting"
  database_version = "SQLSERVER_2019_STANDARD"
  region           = "europe-west1"
  root_password    = "R00t-Passw0rd"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_user" "app" {
  name     = "app"
  instance = google_sql_database_instance.mssql.name
  password = "Autumn2024"
}
