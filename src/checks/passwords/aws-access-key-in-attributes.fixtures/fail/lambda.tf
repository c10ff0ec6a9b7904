resource "aws_lambda_function" "sync" {
  function_name = "sync"
  role          = "arn:aws:iam::123456789012:role/sync"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "sync.zip"
  environment {
    variables = {
      AWS_ACCESS_KEY_ID = "AKIAZ7QX3K2LM4NOPQRS"
      BUCKET            = "acme-sync"
    }
  }
}

resource "aws_ssm_parameter" "legacy" {
  name  = "/legacy/key"
  type  = "String"
  value = "ASIAQ2W3E4R5T6Y7U2I3"
}
