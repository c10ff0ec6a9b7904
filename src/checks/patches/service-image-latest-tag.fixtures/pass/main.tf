variable "image" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "web"
      image = "nginx:1.27.3"
    },
    {
      name  = "from-variable"
      image = var.image
    }
  ])
}

resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = "europe-west1"

  template {
    containers {
      image = "europe-docker.pkg.dev/acme/api/api@sha256:4f1c1d3a7b9e2f6c8d0a5b3e7f9c1d2a4b6e8f0a2c4d6e8f0a1b3c5d7e9f1a2b"
    }
  }
}
