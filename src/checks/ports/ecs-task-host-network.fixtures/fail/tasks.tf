resource "aws_ecs_task_definition" "agent" {
  family       = "metrics-agent"
  network_mode = "host"
  container_definitions = jsonencode([{
    name      = "agent"
    image     = "public.ecr.aws/example/agent:1.4.2"
    essential = true
  }])
}

variable "mode" {
  type = string
}

resource "aws_ecs_task_definition" "configurable" {
  family       = "configurable"
  network_mode = var.mode
  container_definitions = jsonencode([{
    name  = "app"
    image = "public.ecr.aws/example/app:2.0.0"
  }])
}
