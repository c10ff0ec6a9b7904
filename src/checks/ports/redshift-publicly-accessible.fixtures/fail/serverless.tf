resource "aws_redshiftserverless_workgroup" "reporting" {
  namespace_name      = "reporting"
  workgroup_name      = "reporting"
  base_capacity       = 8
  publicly_accessible = true
}
