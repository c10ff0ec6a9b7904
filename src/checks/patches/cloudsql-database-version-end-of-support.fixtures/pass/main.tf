resource "google_sql_database_instance" "pg" {
  name             = "pg"
  database_version = "POSTGRES_17"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "sqlserver" {
  name             = "sqlserver"
  database_version = "SQLSERVER_2022_STANDARD"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
  }
}
