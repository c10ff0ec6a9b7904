resource "aws_elastic_beanstalk_environment" "al2023" {
  name                = "al2023"
  application         = "shop"
  solution_stack_name = "64bit Amazon Linux 2023 v6.4.0 running Node.js 22"
}

resource "aws_elastic_beanstalk_environment" "docker" {
  name                = "docker"
  application         = "shop"
  solution_stack_name = "64bit Amazon Linux 2023 v4.4.0 running Docker"
}
