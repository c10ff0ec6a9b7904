resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name  = "api"
    image = "public.ecr.aws/example/api:3.1.0"
  }])
}

resource "aws_ecs_task_definition" "default_bridge" {
  family = "worker"
  container_definitions = jsonencode([{
    name  = "worker"
    image = "public.ecr.aws/example/worker:1.0.0"
  }])
}
