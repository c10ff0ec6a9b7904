variable "resource_arn" {
  type = string
}

resource "aws_iam_policy" "maybe_admin" {
  name = "maybe-admin"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = var.resource_arn }]
  })
}
