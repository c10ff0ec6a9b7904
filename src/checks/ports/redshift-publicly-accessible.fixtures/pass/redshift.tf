resource "aws_redshift_cluster" "private" {
  cluster_identifier  = "warehouse"
  database_name       = "analytics"
  node_type           = "ra3.xlplus"
  cluster_type        = "single-node"
  publicly_accessible = false
}
