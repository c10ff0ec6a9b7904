variable "redis_auth_token" {
  type      = string
  sensitive = true
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.redis_auth_token
}

resource "aws_elasticache_replication_group" "rbac" {
  replication_group_id       = "rbac"
  description                = "RBAC users"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
  user_group_ids             = ["app-users"]
}

resource "aws_memorydb_cluster" "cart" {
  name              = "cart"
  node_type         = "db.t4g.small"
  acl_name          = "cart-users"
  subnet_group_name = "cart"
}

resource "azurerm_redis_cache" "cart" {
  name                = "acme-cart"
  resource_group_name = "rg-cache"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  redis_configuration {
    authentication_enabled = true
  }
}

resource "aws_elasticache_user" "worker" {
  user_id       = "worker"
  user_name     = "worker"
  access_string = "on ~jobs:* +@all"
  engine        = "redis"
  passwords     = [var.worker_password]
}
