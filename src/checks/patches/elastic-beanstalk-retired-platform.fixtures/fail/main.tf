resource "aws_elastic_beanstalk_environment" "al1" {
  name                = "al1"
  application         = "shop"
  solution_stack_name = "64bit Amazon Linux 2018.03 v2.9.20 running Python 3.6"
}

resource "aws_elastic_beanstalk_environment" "al2" {
  name                = "al2"
  application         = "shop"
  solution_stack_name = "64bit Amazon Linux 2 v5.8.0 running Node.js 18"
}
