resource "aws_db_instance" "orders" {
  identifier         = "orders"
  engine             = "postgres"
  engine_version     = "16.4"
  instance_class     = "db.t4g.medium"
  ca_cert_identifier = "rds-ca-2019"
}

resource "aws_docdb_cluster_instance" "catalog" {
  identifier         = "catalog-1"
  cluster_identifier = "catalog"
  instance_class     = "db.r6g.large"
  ca_cert_identifier = "rds-ca-2015"
}

module "billing" {
  source  = "terraform-aws-modules/rds/aws"
  version = "6.10.0"

  identifier         = "billing"
  engine             = "mysql"
  engine_version     = "8.0.39"
  instance_class     = "db.t4g.medium"
  ca_cert_identifier = "rds-ca-2019"
}
