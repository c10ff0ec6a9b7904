resource "aws_codebuild_project" "app" {
  name         = "app"
  service_role = "arn:aws:iam::123456789012:role/codebuild"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }
  source {
    type      = "NO_SOURCE"
    buildspec = "version: 0.2\nphases:\n  build:\n    commands:\n      - git clone https://x-access-token@github.com/acme/app.git\n      - echo ghp_Zx8Cv7Bn6Mq5Wl4Ek3Rj2Tu1Yi0Op9As8Df7 > ~/.token\n"
  }
}

resource "aws_cloudwatch_event_connection" "alerts" {
  name               = "alerts"
  authorization_type = "API_KEY"
  auth_parameters {
    api_key {
      key   = "x-webhook"
      value = "https://hooks.slack.com/services/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"
    }
  }
}
