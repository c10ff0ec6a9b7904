resource "aws_db_instance" "legacy" {
  identifier        = "legacy"
  engine            = "mysql"
  engine_version    = "5.6.51"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

resource "aws_db_instance" "pg" {
  identifier        = "pg"
  engine            = "postgres"
  engine_version    = "9.6.24"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

resource "aws_rds_cluster" "aurora_v1" {
  cluster_identifier = "aurora-v1"
  engine             = "aurora"
  master_username    = "admin"
}

resource "aws_rds_cluster" "aurora_pg" {
  cluster_identifier = "aurora-pg"
  engine             = "aurora-postgresql"
  engine_version     = "10.21"
}
