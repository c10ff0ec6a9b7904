resource "aws_redshift_cluster" "explicit" {
  cluster_identifier  = "warehouse"
  database_name       = "analytics"
  node_type           = "ra3.xlplus"
  cluster_type        = "single-node"
  publicly_accessible = true
}

resource "aws_redshift_cluster" "by_default" {
  cluster_identifier = "warehouse-2"
  database_name      = "analytics"
  node_type          = "ra3.xlplus"
  cluster_type       = "single-node"
}
