resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf"
  secret_string = "tok-9fK2xQ7wLm4zVb8N"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  transit_encryption_enabled = true
  auth_token                 = "r3dis-Auth-T0ken-2024-x9"
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
      client_secret          = "oidc-Cl13nt-S3cr3t-Value"
      issuer                 = "https://idp.example.com"
      token_endpoint         = "https://idp.example.com/token"
      user_info_endpoint     = "https://idp.example.com/userinfo"
    }
  }
}

resource "aws_ssm_parameter" "db" {
  name  = "/prod/db/password"
  type  = "SecureString"
  value = "Ssm-Secure-Pw-88"
}

resource "kubernetes_secret_v1" "app" {
  metadata {
    name = "app"
  }
  data = {
    "config.json" = "{\"signing\":\"Kube-Tf-Sign-19\"}"
  }
}

resource "aws_cloudwatch_event_connection" "partner" {
  name               = "partner"
  authorization_type = "API_KEY"
  auth_parameters {
    api_key {
      key   = "x-api-key"
      value = "Partner-Api-Key-Value-5"
    }
  }
}
