resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = "{}"
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:iam::aws:policy/AdministratorAccess",
  ]
}

resource "aws_iam_user_policy_attachment" "alice" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

data "aws_iam_policy" "admin" {
  name = "AdministratorAccess"
}

resource "aws_iam_group_policy_attachment" "ops" {
  group      = "ops"
  policy_arn = data.aws_iam_policy.admin.arn
}

data "aws_partition" "current" {}

resource "aws_iam_policy_attachment" "everyone" {
  name       = "everyone"
  roles      = ["app"]
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"
}
