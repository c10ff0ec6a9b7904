resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "mc"
  engine          = "memcached"
  engine_version  = "1.4.5"
  node_type       = "cache.t3.micro"
  num_cache_nodes = 1
}

resource "aws_elasticache_replication_group" "current" {
  replication_group_id = "current"
  description          = "current"
  engine_version       = "7.1"
  node_type            = "cache.t3.micro"
}

resource "aws_elasticache_replication_group" "valkey" {
  replication_group_id = "valkey"
  description          = "valkey"
  engine               = "valkey"
  engine_version       = "8.0"
  node_type            = "cache.t3.micro"
}
