resource "aws_lambda_function" "legacy" {
  function_name = "legacy-handler"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs14.x"
  filename      = "legacy.zip"
}

resource "aws_lambda_function" "py" {
  function_name = "py-handler"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "app.handler"
  runtime       = "python2.7"
  filename      = "py.zip"
}
