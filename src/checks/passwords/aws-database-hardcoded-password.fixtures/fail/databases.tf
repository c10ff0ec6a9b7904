resource "aws_db_instance" "legacy" {
  identifier        = "legacy"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "app_owner"
  password          = "foobarbaz"
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora"
  engine             = "aurora-postgresql"
  master_username    = "app_owner"
  master_password    = var.aurora_password
}

variable "aurora_password" {
  type      = string
  sensitive = true
  default   = "Qm7!vR2#kL9@xT4w"
}

resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.t3.micro"

  user {
    username = "ops"
    password = "ops-password-2024"
  }
}

resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true
    master_user_options {
      master_user_name     = "logadmin"
      master_user_password = "Password123!"
    }
  }
}
