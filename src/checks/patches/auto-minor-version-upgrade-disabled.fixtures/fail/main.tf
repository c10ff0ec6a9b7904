resource "aws_db_instance" "db" {
  identifier                 = "db"
  engine                     = "postgres"
  engine_version             = "16.6"
  instance_class             = "db.t3.micro"
  allocated_storage          = 20
  auto_minor_version_upgrade = false
}

resource "aws_mq_broker" "mq" {
  broker_name                = "mq"
  engine_type                = "ActiveMQ"
  engine_version             = "5.18"
  host_instance_type         = "mq.t3.micro"
  auto_minor_version_upgrade = "false"
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier    = "dw"
  node_type             = "ra3.xlplus"
  allow_version_upgrade = false
}
