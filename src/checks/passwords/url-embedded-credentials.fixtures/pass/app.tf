variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ecs_task_definition" "api" {
  family                = "api"
  container_definitions = jsonencode([
    {
      name  = "api"
      image = "registry.example.com/api:2.3"
      environment = [
        { name = "DATABASE_URL", value = "postgres://api:${var.db_password}@orders.internal:5432/orders" },
        { name = "DOCS_URL", value = "https://docs.example.com/a:b@c" },
        { name = "GIT_REMOTE", value = "git@github.com:acme/app.git" }
      ]
    }
  ])
}
