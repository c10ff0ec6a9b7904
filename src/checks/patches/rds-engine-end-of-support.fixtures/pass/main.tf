resource "aws_db_instance" "current" {
  identifier        = "current"
  engine            = "postgres"
  engine_version    = "17.2"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

resource "aws_db_instance" "default_version" {
  identifier        = "default-version"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

resource "aws_db_instance" "oracle" {
  identifier     = "oracle"
  engine         = "oracle-ee"
  engine_version = "19"
  instance_class = "db.m5.large"
}

resource "aws_rds_cluster" "aurora_v3" {
  cluster_identifier = "aurora-v3"
  engine             = "aurora-mysql"
  engine_version     = "8.0.mysql_aurora.3.08.0"
}

resource "aws_db_instance" "mssql" {
  identifier     = "mssql"
  engine         = "sqlserver-ee"
  engine_version = "16.00.4165.4.v1"
  instance_class = "db.m5.large"
  license_model  = "license-included"
}

resource "aws_rds_cluster" "serverless_v2" {
  cluster_identifier = "serverless-v2"
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  engine_version     = "16.6"
}
