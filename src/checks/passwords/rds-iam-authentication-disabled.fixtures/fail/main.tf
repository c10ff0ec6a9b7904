resource "aws_db_instance" "orders" {
  identifier                          = "orders"
  engine                              = "postgres"
  engine_version                      = "16.4"
  instance_class                      = "db.t4g.medium"
  manage_master_user_password         = true
  iam_database_authentication_enabled = false
}

resource "aws_db_instance" "billing" {
  identifier     = "billing"
  engine         = "mariadb"
  engine_version = "10.11.9"
  instance_class = "db.t4g.medium"
}

# the engine is not written: Terraform's default for a cluster is aurora (MySQL)
resource "aws_rds_cluster" "legacy" {
  cluster_identifier = "legacy"
}
