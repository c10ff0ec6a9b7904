resource "aws_iam_group" "devs" {
  name = "devs"
}

resource "aws_iam_group_policy_attachment" "devs_ro" {
  group      = aws_iam_group.devs.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = "alice"
  groups = [aws_iam_group.devs.name]
}

resource "aws_iam_policy_attachment" "roles_only" {
  name       = "roles-only"
  roles      = ["app"]
  users      = []
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
