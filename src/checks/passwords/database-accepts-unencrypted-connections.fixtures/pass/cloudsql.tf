resource "google_sql_database_instance" "modern" {
  name             = "reports"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
  }
}

resource "google_sql_database_instance" "mtls" {
  name             = "billing"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode    = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
      require_ssl = false
    }
  }
}

resource "google_sql_database_instance" "legacy_flag" {
  name             = "audit"
  database_version = "POSTGRES_14"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      require_ssl = true
    }
  }
}

resource "aws_db_parameter_group" "mysql" {
  name   = "mysql8-tls"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}
