resource "aws_iam_role" "sync" {
  name               = "sync"
  assume_role_policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"
}

resource "aws_lambda_function" "sync" {
  function_name = "sync"
  role          = aws_iam_role.sync.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "sync.zip"
  environment {
    variables = {
      BUCKET      = "acme-sync"
      ROLE_ID     = "AROAZ7QX3K2LM4NOPQRS"
      DESCRIPTION = "uses the AKIA-less role credentials"
    }
  }
}
