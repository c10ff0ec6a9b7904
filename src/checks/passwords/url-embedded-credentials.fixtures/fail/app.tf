resource "aws_ecs_task_definition" "api" {
  family                = "api"
  container_definitions = jsonencode([
    {
      name  = "api"
      image = "registry.example.com/api:2.3"
      environment = [
        { name = "DATABASE_URL", value = "postgres://api:Winter2024@orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders" }
      ]
    }
  ])
}

resource "azurerm_linux_web_app" "portal" {
  name                = "acme-portal"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
  site_config {}
  app_settings = {
    REDIS_URL = "rediss://default:9fK2-xQ7w-Lm4z@cache.acme.internal:6380"
  }
}
