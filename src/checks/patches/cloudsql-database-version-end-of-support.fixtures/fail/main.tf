resource "google_sql_database_instance" "mysql" {
  name             = "mysql"
  database_version = "MYSQL_5_7"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"
  }
}

resource "google_sql_database_instance" "pg" {
  name             = "pg"
  database_version = "POSTGRES_9_6"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"
  }
}
