resource "aws_vpc_endpoint_service" "internal_api" {
  acceptance_required        = false
  allowed_principals         = ["*"]
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/internal-api/0123456789abcdef"]
}

resource "aws_vpc_endpoint_service" "reports" {
  acceptance_required        = false
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/reports/0123456789abcdef"]
}

resource "aws_vpc_endpoint_service_allowed_principal" "everyone" {
  vpc_endpoint_service_id = aws_vpc_endpoint_service.reports.id
  principal_arn           = "*"
}
