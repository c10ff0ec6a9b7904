resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "apps"
  task_definition = "api:7"
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = ["subnet-0aaa"]
    security_groups = ["sg-0api"]
  }
}
