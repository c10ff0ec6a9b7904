resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "alice_s3" {
  name = "s3"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:ListBucket", Resource = "arn:aws:s3:::reports" }]
  })
}

resource "aws_iam_user_policy_attachment" "alice_ro" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "mixed" {
  name       = "mixed"
  users      = ["bob"]
  groups     = ["devs"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
