variable "oidc_client_secret" {
  type      = string
  sensitive = true
}

resource "random_password" "redis" {
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "api" {
  name                    = "prod/api"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = aws_secretsmanager_secret.api.id
  secret_string = random_password.redis.result
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  transit_encryption_enabled = true
  auth_token                 = random_password.redis.result
  auth_token_update_strategy = "ROTATE"
}

resource "aws_lb_listener" "portal" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/portal/abc"
  port              = 443
  protocol          = "HTTPS"
  default_action {
    type = "authenticate-oidc"
    authenticate_oidc {
      authorization_endpoint = "https://idp.example.com/authorize"
      client_id              = "portal"
      client_secret          = var.oidc_client_secret
      issuer                 = "https://idp.example.com"
      token_endpoint         = "https://idp.example.com/token"
      user_info_endpoint     = "https://idp.example.com/userinfo"
    }
  }
}

resource "aws_db_instance" "db" {
  identifier                          = "db"
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  username                            = "app_owner"
  manage_master_user_password         = true
  master_user_secret_kms_key_id       = "arn:aws:kms:eu-west-1:123456789012:key/abcd"
  iam_database_authentication_enabled = true
}

resource "aws_ssm_parameter" "endpoint" {
  name  = "/prod/db/endpoint"
  type  = "String"
  value = "orders.cluster-abc.eu-west-1.rds.amazonaws.com"
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/prod/db/password"
  type  = "SecureString"
  value = random_password.redis.result
}
