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
