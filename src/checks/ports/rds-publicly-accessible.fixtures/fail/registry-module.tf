module "reporting_db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "6.10.0"

  identifier          = "reporting"
  engine              = "postgres"
  engine_version      = "16.4"
  instance_class      = "db.t4g.medium"
  username            = "reporting_owner"
  publicly_accessible = true
}
