resource "aws_apigatewayv2_route" "webhook" {
  api_id    = "a1b2c3"
  route_key = "POST /webhook"
  target    = "integrations/abc123"
}
