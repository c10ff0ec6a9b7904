resource "aws_elasticache_cluster" "old" {
  cluster_id      = "old"
  engine          = "redis"
  engine_version  = "3.2.10"
  node_type       = "cache.t3.micro"
  num_cache_nodes = 1
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  engine_version       = "5.0.6"
  node_type            = "cache.t3.micro"
}
