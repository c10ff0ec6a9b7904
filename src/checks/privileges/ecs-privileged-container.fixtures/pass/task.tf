resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    {
      name       = "web"
      image      = "nginx:1.27"
      privileged = false
      user       = "101"
    }
  ])
}
