resource "aws_db_instance" "orders" {
  identifier         = "orders"
  engine             = "postgres"
  engine_version     = "16.4"
  instance_class     = "db.t4g.medium"
  ca_cert_identifier = "rds-ca-rsa2048-g1"
}

# no authority written: the current default (rds-ca-rsa2048-g1)
resource "aws_rds_cluster_instance" "member" {
  identifier         = "member-1"
  cluster_identifier = "aurora"
  instance_class     = "db.r6g.large"
}

resource "aws_docdb_cluster_instance" "catalog" {
  identifier         = "catalog-1"
  cluster_identifier = "catalog"
  instance_class     = "db.r6g.large"
  ca_cert_identifier = "rds-ca-ecc384-g1"
}
