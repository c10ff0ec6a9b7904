resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "graph-prod"
  engine                              = "neptune"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
}
