resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "api"
      image = "node:24-alpine"
    },
    {
      name  = "own"
      image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/node:14"
    }
  ])
}

resource "azurerm_container_app" "app" {
  name                         = "app"
  container_app_environment_id = "env"
  resource_group_name          = "rg"
  revision_mode                = "Single"

  template {
    container {
      name   = "app"
      image  = "mcr.microsoft.com/dotnet/aspnet:10.0"
      cpu    = 0.5
      memory = "1Gi"
    }
  }
}
