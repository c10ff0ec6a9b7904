variable "stripe_api_key" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = "arn:aws:iam::123456789012:role/billing"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "billing.zip"
  environment {
    variables = {
      STRIPE_API_KEY     = var.stripe_api_key
      DB_SECRET_ARN      = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"
      TOKEN_URL          = "https://auth.example.com/oauth/token"
      PASSWORD_MIN_CHARS = "14"
    }
  }
}

resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([
    {
      name  = "api"
      image = "registry.example.com/api:2.3"
      secrets = [
        { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf" }
      ]
    }
  ])
}

resource "azurerm_linux_function_app" "hooks" {
  name                 = "acme-hooks"
  resource_group_name  = "rg-fn"
  location             = "westeurope"
  service_plan_id      = "/subscriptions/0000/serverFarms/plan"
  storage_account_name = "acmehooks"
  site_config {}
  app_settings = {
    CLIENT_SECRET = "@Microsoft.KeyVault(SecretUri=https://acme.vault.azure.net/secrets/hooks-client-secret/)"
  }
}
