variable "db_admin" {
  type = string
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "orders_owner"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "aurora"
  engine                      = "aurora-mysql"
  master_username             = var.db_admin
  manage_master_user_password = true
}
