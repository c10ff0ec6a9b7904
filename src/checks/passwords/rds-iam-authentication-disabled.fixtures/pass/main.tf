resource "aws_db_instance" "orders" {
  identifier                          = "orders"
  engine                              = "postgres"
  engine_version                      = "16.4"
  instance_class                      = "db.t4g.medium"
  iam_database_authentication_enabled = true
}

# IAM authentication is not available for SQL Server, Oracle or MariaDB before 10.11
resource "aws_db_instance" "erp" {
  identifier     = "erp"
  engine         = "sqlserver-se"
  instance_class = "db.m6i.large"
}

resource "aws_db_instance" "old_maria" {
  identifier     = "old-maria"
  engine         = "mariadb"
  engine_version = "10.6.19"
  instance_class = "db.t4g.medium"
}

resource "aws_rds_cluster" "app" {
  cluster_identifier                  = "app"
  engine                              = "aurora-postgresql"
  iam_database_authentication_enabled = true
}
