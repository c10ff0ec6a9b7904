variable "auto_upgrade" {
  type = bool
}

resource "aws_db_instance" "db" {
  identifier                 = "db"
  engine                     = "postgres"
  instance_class             = "db.t3.micro"
  allocated_storage          = 20
  auto_minor_version_upgrade = true
}

resource "aws_rds_cluster_instance" "member" {
  identifier         = "member"
  cluster_identifier = "aurora"
  instance_class     = "db.r6g.large"
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  auto_minor_version_upgrade = var.auto_upgrade
}
