resource "aws_iam_role_policy_attachment" "reader" {
  role       = "reader"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "custom" {
  role       = "app"
  policy_arn = "arn:aws:iam::123456789012:policy/AdministratorAccess"
}

resource "aws_iam_user_policy_attachment" "billing" {
  user       = "finance"
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
}
