resource "aws_codebuild_project" "build" {
  name         = "app-build"
  service_role = "arn:aws:iam::123456789012:role/build"

  # temporary: clone with glpat-Qx7vK2mN9pL4rT8wZ3yB until the deploy key works
  source {
    type     = "GITLAB"
    location = "https://gitlab.example.com/app.git"
  }
}
