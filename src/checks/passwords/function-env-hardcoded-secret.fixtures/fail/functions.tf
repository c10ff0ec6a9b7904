resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = "arn:aws:iam::123456789012:role/billing"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "billing.zip"
  environment {
    variables = {
      STRIPE_API_KEY = "sk_live_51Hq8Vn2Lk5Xw9Tz3Rb7Mc1"
      LOG_LEVEL      = "info"
    }
  }
}

resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([
    {
      name  = "api"
      image = "registry.example.com/api:2.3"
      environment = [
        { name = "DB_PASSWORD", value = "changeme" },
        { name = "DB_HOST", value = "db.internal" }
      ]
    }
  ])
}

resource "azurerm_linux_function_app" "hooks" {
  name                       = "acme-hooks"
  resource_group_name        = "rg-fn"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/0000/serverFarms/plan"
  storage_account_name       = "acmehooks"
  site_config {}
  app_settings = {
    CLIENT_SECRET = "Zq8~Lm3.Nv7_Xp2-Rt5Wk9Bc4Hd6Fj1Gs0Ya"
  }
}
