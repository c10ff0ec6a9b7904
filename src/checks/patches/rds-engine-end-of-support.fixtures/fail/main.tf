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

resource "aws_rds_cluster" "serverless" {
  cluster_identifier = "serverless"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
}

resource "aws_db_instance" "mssql" {
  identifier     = "mssql"
  engine         = "sqlserver-se"
  engine_version = "12.00.6449.1.v1"
  instance_class = "db.m5.large"
  license_model  = "license-included"
}
