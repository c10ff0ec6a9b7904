variable "db_password" {
  type      = string
  sensitive = true
}

resource "random_password" "aurora" {
  length  = 32
  special = true
}

data "aws_secretsmanager_secret_version" "mq" {
  secret_id = "prod/mq/ops"
}

resource "aws_db_instance" "managed" {
  identifier                  = "managed"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app_owner"
  manage_master_user_password = true
}

resource "aws_db_instance" "from_variable" {
  identifier        = "from-variable"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "app_owner"
  password          = var.db_password
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora"
  engine             = "aurora-postgresql"
  master_username    = "app_owner"
  master_password    = random_password.aurora.result
}

resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.t3.micro"
  user {
    username = "ops"
    password = jsondecode(data.aws_secretsmanager_secret_version.mq.secret_string)["password"]
  }
}
