resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 20
  publicly_accessible = false
}

resource "aws_rds_cluster_instance" "reader" {
  identifier         = "reader"
  cluster_identifier = "analytics"
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}

resource "aws_neptune_cluster_instance" "graph" {
  count               = 2
  cluster_identifier  = "graph"
  engine              = "neptune"
  instance_class      = "db.r6g.large"
  publicly_accessible = false
}

resource "aws_neptune_cluster_instance" "graph_default" {
  cluster_identifier = "graph"
  engine             = "neptune"
  instance_class     = "db.r6g.large"
}
