resource "aws_apigatewayv2_route" "webhook" {
  api_id             = "a1b2c3"
  route_key          = "POST /webhook"
  authorization_type = "AWS_IAM"
  target             = "integrations/abc123"
}
