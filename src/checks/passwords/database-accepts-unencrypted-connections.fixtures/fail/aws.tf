resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "session store"
  node_type            = "cache.t4g.small"
  auth_token           = var.redis_token
}

resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  description                = "job queue"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = false
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT"
    }
  }
}

resource "aws_docdb_cluster_parameter_group" "docs" {
  family = "docdb5.0"
  name   = "docs"

  parameter {
    name  = "tls"
    value = "disabled"
  }
}
