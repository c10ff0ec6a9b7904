resource "aws_api_gateway_method" "get_orders" {
  rest_api_id   = "abc123"
  resource_id   = "def456"
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "cors" {
  rest_api_id   = "abc123"
  resource_id   = "def456"
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "partner" {
  rest_api_id      = "abc123"
  resource_id      = "def456"
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_lambda_function_url" "internal" {
  function_name      = "internal"
  authorization_type = "AWS_IAM"
}
