resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false
}

resource "aws_memorydb_cluster" "cart" {
  name       = "cart"
  node_type  = "db.t4g.small"
  acl_name   = "open-access"
  subnet_group_name = "cart"
}

resource "azurerm_redis_cache" "cart" {
  name                = "acme-cart"
  resource_group_name = "rg-cache"
  location            = "westeurope"
  capacity            = 1
  family              = "P"
  sku_name            = "Premium"
  subnet_id           = "/subscriptions/0000/subnets/cache"
  redis_configuration {
    authentication_enabled = false
  }
}

resource "aws_elasticache_user" "worker" {
  user_id       = "worker"
  user_name     = "worker"
  access_string = "on ~jobs:* +@all"
  engine        = "redis"

  authentication_mode {
    type = "no-password-required"
  }
}
