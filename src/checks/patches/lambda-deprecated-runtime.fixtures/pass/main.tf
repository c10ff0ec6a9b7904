variable "runtime" {
  type = string
}

resource "aws_lambda_function" "current" {
  function_name = "current"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "app.handler"
  runtime       = "python3.13"
  filename      = "current.zip"
}

resource "aws_lambda_function" "image" {
  function_name = "image"
  role          = "arn:aws:iam::123456789012:role/lambda"
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fn:1.0"
}

resource "aws_lambda_function" "from_variable" {
  function_name = "from-variable"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "app.handler"
  runtime       = var.runtime
  filename      = "v.zip"
}
