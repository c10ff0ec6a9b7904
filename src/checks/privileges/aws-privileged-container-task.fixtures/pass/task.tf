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

resource "aws_batch_job_definition" "render" {
  name = "render"
  type = "container"
  container_properties = jsonencode({
    image      = "registry.example.com/render:1.0"
    privileged = false
  })
}
