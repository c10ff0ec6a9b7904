resource "aws_codebuild_project" "release" {
  name         = "release"
  service_role = "arn:aws:iam::111122223333:role/build"

  artifacts {
    type = "NO_ARTIFACTS"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"

    environment_variable {
      name  = "SIGNING_KEY_PASSWORD"
      value = "S1gning-K3y-Pw-Release"
    }
  }

  source {
    type = "NO_SOURCE"
  }
}

resource "aws_elastic_beanstalk_environment" "web" {
  name        = "web"
  application = "web"

  setting {
    namespace = "aws:elasticbeanstalk:application:environment"
    name      = "API_TOKEN"
    value     = "tok-Bq8Wn3Lx7Zr2Pv5Tm9"
  }
}
