resource "aws_api_gateway_method" "get_orders" {
  rest_api_id   = "abc123"
  resource_id   = "def456"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_lambda_function_url" "hook" {
  function_name      = "hook"
  authorization_type = "NONE"
}
