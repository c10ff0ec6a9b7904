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

resource "azurerm_container_group" "worker" {
  name                = "worker"
  resource_group_name = "rg-apps"
  location            = "westeurope"
  os_type             = "Linux"
  container {
    name   = "worker"
    image  = "registry.example.com/worker:1.0"
    cpu    = "0.5"
    memory = "1.0"
    secure_environment_variables = {
      QUEUE_PASSWORD = "Aci-Queue-Pw-31"
    }
  }
}
