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
      type  = "PARAMETER_STORE"
      value = "/release/signing-key-password"
    }
  }

  source {
    type = "NO_SOURCE"
  }
}
