resource "aws_iam_user" "analyst" {
  name = "analyst"
}

resource "aws_iam_user_policy" "analyst_read" {
  name = "read-reports"
  user = aws_iam_user.analyst.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports-bucket/*" }]
  })
}

resource "aws_iam_role" "uploader" {
  name               = "uploader"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}

resource "aws_s3_bucket" "reports" {
  bucket = "reports-bucket"
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = aws_s3_bucket.reports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyAnalystSecretPrefix"
        Effect    = "Deny"
        Principal = { AWS = "arn:aws:iam::000000000000:user/analyst" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::reports-bucket/secret/*"
      },
      {
        Sid       = "UploaderMayWrite"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::000000000000:role/uploader" }
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::reports-bucket/incoming/*"
      }
    ]
  })
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "UploaderSends", Effect = "Allow", Principal = { AWS = "arn:aws:iam::000000000000:role/uploader" }, Action = "sqs:SendMessage", Resource = "*" }]
  })
}
