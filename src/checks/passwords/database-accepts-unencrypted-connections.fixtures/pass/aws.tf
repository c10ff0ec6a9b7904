resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
  auth_token                 = var.redis_token
}

# MSK brokers accept TLS only unless told otherwise
resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
}

resource "aws_redshift_parameter_group" "dw" {
  name   = "dw"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "true"
  }
}
