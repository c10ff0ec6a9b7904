# Redshift Serverless workgroups are private unless publicly_accessible is set.
resource "aws_redshiftserverless_workgroup" "by_default" {
  namespace_name = "reporting"
  workgroup_name = "reporting"
}

resource "aws_redshiftserverless_workgroup" "explicit" {
  namespace_name      = "adhoc"
  workgroup_name      = "adhoc"
  publicly_accessible = false
}
