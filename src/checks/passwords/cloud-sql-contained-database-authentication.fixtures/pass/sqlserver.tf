resource "google_sql_database_instance" "reporting" {
  name             = "reporting"
  database_version = "SQLSERVER_2019_STANDARD"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    database_flags {
      name  = "contained database authentication"
      value = "off"
    }
    database_flags {
      name  = "cross db ownership chaining"
      value = "off"
    }
  }
}

resource "google_sql_database_instance" "pg" {
  name             = "pg"
  database_version = "POSTGRES_16"
  region           = "europe-west1"
  settings {
    tier = "db-f1-micro"
  }
}
