resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "web"
      image = "nginx:latest"
    },
    {
      name  = "worker"
      image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:2.3.1"
    }
  ])
}

resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = "europe-west1"

  template {
    containers {
      image = "europe-docker.pkg.dev/acme/api/api"
    }
  }
}

resource "azurerm_container_group" "aci" {
  name                = "aci"
  location            = "westeurope"
  resource_group_name = "rg"
  os_type             = "Linux"

  container {
    name   = "hello"
    image  = "mcr.microsoft.com/azuredocs/aci-helloworld:latest"
    cpu    = 0.5
    memory = 1.0
  }
}

resource "aws_lambda_function" "image" {
  function_name = "image"
  role          = "arn:aws:iam::123456789012:role/lambda"
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fn:latest"
}
