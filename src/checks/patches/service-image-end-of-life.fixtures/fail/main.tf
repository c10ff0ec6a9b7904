resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "api"
      image = "node:16-alpine"
    }
  ])
}

resource "google_cloud_run_service" "legacy" {
  name     = "legacy"
  location = "europe-west1"

  template {
    spec {
      containers {
        image = "python:3.8-slim"
      }
    }
  }
}

resource "azurerm_container_app" "app" {
  name                         = "app"
  container_app_environment_id = "env"
  resource_group_name          = "rg"
  revision_mode                = "Single"

  template {
    container {
      name   = "app"
      image  = "mcr.microsoft.com/dotnet/aspnet:6.0"
      cpu    = 0.5
      memory = "1Gi"
    }
  }
}
