resource "aws_ecs_task_definition" "debug" {
  family                   = "debug"
  requires_compatibilities = ["EC2"]
  pid_mode                 = "host"
  container_definitions = jsonencode([{
    name   = "debug"
    image  = "public.ecr.aws/acme/debug:0.9.0"
    memory = 128
  }])
}
