resource "aws_ecs_task_definition" "agent" {
  family = "agent"
  container_definitions = jsonencode([
    {
      name       = "agent"
      image      = "registry.example.com/agent:1.0"
      essential  = true
      privileged = true
    },
    {
      name  = "log-router"
      image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"
    }
  ])
}

resource "aws_batch_job_definition" "render" {
  name = "render"
  type = "container"
  container_properties = jsonencode({
    image      = "registry.example.com/render:1.0"
    privileged = true
    resourceRequirements = [{ type = "VCPU", value = "1" }, { type = "MEMORY", value = "2048" }]
  })
}
